using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

public sealed record CalendarFileEntry(string Key, string Path, string Month, string Lp, FuzzyDate Date, string Title, string? Notes, MeetingKind Kind,
    bool Online, string? Location, string? Committee, bool Public, string? Organiser);

/// <summary>
/// Loads tenants/&lt;slug&gt;/calendar/*.json (format: tenants/CALENDAR-FORMAT.md): every entry with its date as
/// written. Adds entries whose key the region lacks; never changes one staff have since edited.
/// </summary>
internal sealed partial class CalendarFileLoader(EsRegionsDbContext db) : ITenantDataLoader
{
    public const string Folder = "calendar";

    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var dir = Path.Combine(folder, Folder);
        if (!Directory.Exists(dir)) return;
        var entries = new List<CalendarFileEntry>();
        var errors = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order())
        {
            try { entries.AddRange(Read(File.ReadAllText(file), $"tenants/{tenant.Slug}/{Folder}/{Path.GetFileName(file)}")); }
            catch (TenantConfigurationException ex) { errors.AddRange(ex.Errors); }
        }
        var committees = await db.Set<Committee>().Where(c => c.Key != null).ToDictionaryAsync(c => c.Key!, c => c.Id, ct);
        errors.AddRange(entries.Where(e => e.Committee is not null && !committees.ContainsKey(e.Committee))
            .Select(e => $"{e.Path}.committee: '{e.Committee}' is not a key in tenants/{tenant.Slug}/committees.json"));
        if (errors.Count > 0) throw new TenantConfigurationException(errors);
        var known = (await db.Set<Meeting>().Where(m => m.SourceKey != null).Select(m => m.SourceKey!).ToListAsync(ct)).ToHashSet();
        foreach (var e in entries.Where(e => !known.Contains(e.Key)))
        {
            var meeting = new Meeting(e.Title, e.Kind, e.Date, e.Key);
            meeting.Describe(e.Title, e.Kind, e.Organiser, null, e.Notes, e.Committee is null ? null : committees[e.Committee], e.Public);
            meeting.Schedule(e.Date, null, null, e.Location, e.Online, null);
            db.Add(meeting);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static List<CalendarFileEntry> Read(string json, string displayName)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var doc = check.AsObject(root, "$", "title", "year", "source", "organiser", "public", "entries");
        check.String(doc, "$", "title");
        check.String(doc, "$", "source", required: false);
        var organiser = check.String(doc, "$", "organiser", required: false);
        var isPublic = check.Boolean(doc, "$", "public", required: false) ?? false;
        int? year = doc?["year"] is JsonValue yv && yv.TryGetValue<int>(out var y) && y is >= 2000 and <= 2100 ? y : null;
        if (year is null) check.Fail("$.year", "must be a year from 2000 to 2100");
        var list = check.Array(doc, "$", "entries", minItems: 1);
        var result = new List<CalendarFileEntry>();
        for (var i = 0; list is not null && year is not null && i < list.Count; i++)
            if (ReadEntry(check, list[i], $"$.entries[{i}]", year.Value, isPublic, organiser) is { } e) result.Add(e with { Path = $"{displayName}: $.entries[{i}]" });
        foreach (var dup in result.GroupBy(e => e.Key).Where(g => g.Count() > 1))
            check.Fail("$.entries", $"key '{dup.Key}' appears more than once");
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return result;
    }

    private static CalendarFileEntry? ReadEntry(JsonChecker check, JsonNode? node, string p, int year, bool isPublic, string? organiser)
    {
        var o = check.AsObject(node, p, "key", "month", "lp", "date", "title", "notes", "kind", "online", "location", "committee", "public", "organiser");
        var key = check.String(o, p, "key", pattern: KeyPattern(), patternHint: "a key of letters, digits and hyphens");
        var month = check.String(o, p, "month");
        var lp = check.String(o, p, "lp", required: false) ?? "";
        var dateText = check.String(o, p, "date");
        var title = check.String(o, p, "title");
        var notes = check.String(o, p, "notes", required: false);
        var kindText = check.String(o, p, "kind");
        MeetingKind? kind = null;
        if (kindText is not null)
        {
            kind = Enum.GetValues<MeetingKind>().Cast<MeetingKind?>().FirstOrDefault(k => MeetingText.Api(k!.Value) == kindText);
            if (kind is null) check.Fail($"{p}.kind", $"'{kindText}' is not one of {string.Join(", ", Enum.GetValues<MeetingKind>().Select(MeetingText.Api))}");
        }
        var monthNumber = month is null ? null : FuzzyDate.Month(month);
        if (month is not null && monthNumber is null) check.Fail($"{p}.month", $"'{month}' is not a Polish month name");
        FuzzyDate? date = null;
        if (dateText is not null && !FuzzyDate.TryParse(dateText, year, out date!))
        {
            check.Fail($"{p}.date", $"'{dateText}' is not a date this application can read (e.g. „12 stycznia”, „17-18 listopada”, „Połowa lutego”, „Do 4 kwietnia”, „Styczeń”)");
            date = null;
        }
        if (date is not null && monthNumber is not null && date.From.Month != monthNumber)
            check.Fail($"{p}.date", $"'{dateText}' does not fall in {month}");
        var online = check.Boolean(o, p, "online", required: false) ?? false;
        var location = check.String(o, p, "location", required: false);
        var committee = check.String(o, p, "committee", required: false);
        var entryPublic = check.Boolean(o, p, "public", required: false) ?? isPublic;
        var entryOrganiser = check.String(o, p, "organiser", required: false) ?? organiser;
        return key is null || month is null || date is null || title is null || kind is null ? null
            : new CalendarFileEntry(key, p, month, lp, date, title, notes, kind.Value, online, location, committee, entryPublic, entryOrganiser);
    }

    [GeneratedRegex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")] private static partial Regex KeyPattern();
}
