using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>One call of tenants/&lt;slug&gt;/calls.json (format: tenants/COMMITTEES-FORMAT.md, "calls.json").</summary>
public sealed record CallFileEntry(string Key, string Committee, string Title, string Text, DateOnly ApplicationDeadline, DateOnly? ConfirmationBy,
    CallStatus Status, IReadOnlyList<SeatCategory> Seats, string? Source, string Path);

/// <summary>
/// Loads tenants/&lt;slug&gt;/calls.json after committees.json: adds the calls the region does not have yet, by key,
/// with the status the file gives; never changes one staff have since edited.
/// </summary>
internal sealed partial class CallFileLoader(EsRegionsDbContext db) : ITenantDataLoader
{
    public const string FileName = "calls.json";

    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return;
        var display = $"tenants/{tenant.Slug}/{FileName}";
        var entries = Read(File.ReadAllText(path), display);
        var committees = await db.Set<Committee>().Where(c => c.Key != null).ToDictionaryAsync(c => c.Key!, c => c.Id, ct);
        var missing = entries.Where(e => !committees.ContainsKey(e.Committee))
            .Select(e => $"{display}: {e.Path}.committee: '{e.Committee}' is not a key in tenants/{tenant.Slug}/committees.json").ToList();
        if (missing.Count > 0) throw new TenantConfigurationException(missing);
        var known = (await db.Set<MemberCall>().Where(c => c.Key != null).Select(c => c.Key!).ToListAsync(ct)).ToHashSet();
        foreach (var e in entries.Where(e => !known.Contains(e.Key)))
        {
            var call = new MemberCall(committees[e.Committee], e.Title, e.Text, e.ApplicationDeadline, e.ConfirmationBy, e.Seats, e.Key, e.Source);
            call.SetLoadedStatus(e.Status);
            db.Add(call);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Parses and checks the whole file; every problem is reported with its JSON path.</summary>
    internal static List<CallFileEntry> Read(string json, string displayName)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var list = check.Array(check.AsObject(root, "$", "calls"), "$", "calls", minItems: 1);
        var result = new List<CallFileEntry>();
        for (var i = 0; list is not null && i < list.Count; i++)
            if (ReadCall(check, list[i], $"$.calls[{i}]") is { } entry) result.Add(entry);
        foreach (var dup in result.GroupBy(e => e.Key).Where(g => g.Count() > 1))
            check.Fail("$.calls", $"key '{dup.Key}' appears more than once");
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return result;
    }

    private static CallFileEntry? ReadCall(JsonChecker check, JsonNode? node, string p)
    {
        var o = check.AsObject(node, p, "key", "committee", "title", "text", "applicationDeadline", "confirmationBy", "status", "seats", "source");
        var key = check.String(o, p, "key", pattern: KeyPattern(), patternHint: "a key of lower-case letters, digits and hyphens");
        var committee = check.String(o, p, "committee");
        var title = check.String(o, p, "title");
        var text = check.String(o, p, "text");
        var deadline = Date(check, o, p, "applicationDeadline", required: true);
        var confirmation = Date(check, o, p, "confirmationBy", required: false);
        if (deadline is not null && confirmation is not null && confirmation < deadline)
            check.Fail($"{p}.confirmationBy", "must not be before applicationDeadline");
        var statusText = check.String(o, p, "status");
        CallStatus? status = null;
        if (statusText is not null)
        {
            status = Enum.GetValues<CallStatus>().Cast<CallStatus?>().FirstOrDefault(s => CommitteeFileLoader.Camel(s!.Value.ToString()) == statusText);
            if (status is null) check.Fail($"{p}.status", $"'{statusText}' is not one of draft, open, closed, decided");
        }
        var seats = new List<SeatCategory>();
        var seatList = check.Array(o, p, "seats", required: false);
        for (var i = 0; seatList is not null && i < seatList.Count; i++)
        {
            var name = seatList[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var seat = Enum.GetValues<SeatCategory>().Cast<SeatCategory?>().FirstOrDefault(x => CommitteeFileLoader.Camel(x!.Value.ToString()) == name);
            if (seat is null)
                check.Fail($"{p}.seats[{i}]", $"must be one of {string.Join(", ", Enum.GetNames<SeatCategory>().Select(CommitteeFileLoader.Camel))}");
            else seats.Add(seat.Value);
        }
        var source = check.String(o, p, "source", required: false);
        return key is null || committee is null || title is null || text is null || deadline is null || status is null ? null
            : new CallFileEntry(key, committee, title, text, deadline.Value, confirmation, status.Value, seats, source, p);
    }

    private static DateOnly? Date(JsonChecker check, JsonObject? o, string p, string name, bool required)
    {
        var text = check.String(o, p, name, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        check.Fail($"{p}.{name}", $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex KeyPattern();
}
