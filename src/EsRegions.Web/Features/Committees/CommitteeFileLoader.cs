using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

/// <summary>One committee of tenants/&lt;slug&gt;/committees.json (format: tenants/COMMITTEES-FORMAT.md).</summary>
public sealed record CommitteeFileEntry(string Key, string Name, string? ShortName, CommitteeKind Kind, string? Parent, string Mandate,
    IReadOnlyList<string> PlanPriorities, string? Source, IReadOnlyList<MemberFileEntry> Members, IReadOnlyList<ResolutionFileEntry> Resolutions);

public sealed record MemberFileEntry(string Name, string? Email, string Institution, SeatCategory Seat, MemberRole Role, DateOnly TermFrom, DateOnly? TermTo);

public sealed record ResolutionFileEntry(int Number, DateOnly Date, string Title, string? Document);

/// <summary>
/// Loads tenants/&lt;slug&gt;/committees.json: adds the committees (with their members and resolutions) that the
/// region does not have yet, by key; never changes one staff have since edited.
/// </summary>
internal sealed partial class CommitteeFileLoader(EsRegionsDbContext db, CommitteeRegister register) : ITenantDataLoader
{
    public const string FileName = "committees.json";

    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return;
        var entries = Read(File.ReadAllText(path), $"tenants/{tenant.Slug}/{FileName}");
        var known = await db.Set<Committee>().Where(c => c.Key != null).ToDictionaryAsync(c => c.Key!, ct);
        foreach (var entry in entries.Where(e => !known.ContainsKey(e.Key)))
        {
            var parentId = entry.Parent is null ? (Guid?)null : known[entry.Parent].Id;
            var committee = new Committee(entry.Key, entry.Name, entry.ShortName, entry.Kind, parentId, entry.Mandate, entry.PlanPriorities, entry.Source);
            db.Add(committee);
            known[entry.Key] = committee;
            foreach (var m in entry.Members)
                await register.AddMemberAsync(committee, new CommitteeMember(committee.Id, m.Name, m.Email, m.Institution, m.Seat, m.Role, m.TermFrom, m.TermTo), ct);
            foreach (var r in entry.Resolutions)
                db.Add(new Resolution(committee.Id, r.Number, r.Date, r.Title, r.Document));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Parses and checks the whole file; every problem is reported with its JSON path.</summary>
    internal static List<CommitteeFileEntry> Read(string json, string displayName)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var list = check.Array(check.AsObject(root, "$", "committees"), "$", "committees", minItems: 1);
        // Each entry with its index in the file: paths stay right when an earlier entry could not be read.
        var read = new List<(int Index, CommitteeFileEntry Entry)>();
        for (var i = 0; list is not null && i < list.Count; i++)
            if (ReadCommittee(check, list[i], $"$.committees[{i}]") is { } entry) read.Add((i, entry));
        var result = read.Select(r => r.Entry).ToList();
        var keys = new HashSet<string>();
        for (var n = 0; n < read.Count; n++)
        {
            var (i, e) = read[n];
            if (!keys.Add(e.Key)) check.Fail($"$.committees[{i}].key", $"'{e.Key}' appears more than once");
            // A parent must come earlier in the file, which also rules out cycles.
            if (e.Parent is not null && !result.Take(n).Any(p => p.Key == e.Parent))
                check.Fail($"$.committees[{i}].parent", $"'{e.Parent}' is not the key of a committee listed before this one");
            foreach (var dup in e.Resolutions.GroupBy(r => (r.Number, r.Date.Year)).Where(g => g.Count() > 1))
                check.Fail($"$.committees[{i}].resolutions", $"resolution {dup.Key.Number}/{dup.Key.Year} appears more than once");
        }
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return result;
    }

    private static CommitteeFileEntry? ReadCommittee(JsonChecker check, JsonNode? node, string p)
    {
        var o = check.AsObject(node, p, "key", "name", "shortName", "kind", "parent", "mandate", "planPriorities", "source", "members", "resolutions");
        var key = check.String(o, p, "key", pattern: KeyPattern(), patternHint: "a key of lower-case letters, digits and hyphens");
        var name = check.String(o, p, "name");
        var shortName = check.String(o, p, "shortName", required: false);
        var kind = Enum<CommitteeKind>(check, o, p, "kind", required: true);
        var parent = check.String(o, p, "parent", required: false);
        var mandate = check.String(o, p, "mandate", required: false) ?? "";
        var source = check.String(o, p, "source", required: false);
        var priorities = Strings(check, o, p, "planPriorities");
        var members = new List<MemberFileEntry>();
        var memberList = check.Array(o, p, "members", required: false);
        for (var i = 0; memberList is not null && i < memberList.Count; i++)
            if (ReadMember(check, memberList[i], $"{p}.members[{i}]") is { } m) members.Add(m);
        var resolutions = new List<ResolutionFileEntry>();
        var resolutionList = check.Array(o, p, "resolutions", required: false);
        for (var i = 0; resolutionList is not null && i < resolutionList.Count; i++)
            if (ReadResolution(check, resolutionList[i], $"{p}.resolutions[{i}]") is { } r) resolutions.Add(r);
        return key is null || name is null || kind is null ? null
            : new CommitteeFileEntry(key, name, shortName, kind.Value, parent, mandate, priorities, source, members, resolutions);
    }

    private static MemberFileEntry? ReadMember(JsonChecker check, JsonNode? node, string p)
    {
        var o = check.AsObject(node, p, "name", "email", "institution", "seat", "role", "termFrom", "termTo");
        var name = check.String(o, p, "name");
        var email = check.Email(o, p, "email", required: false);
        var institution = check.String(o, p, "institution");
        var seat = Enum<SeatCategory>(check, o, p, "seat", required: true);
        var role = Enum<MemberRole>(check, o, p, "role", required: false) ?? MemberRole.Member;
        var from = Date(check, o, p, "termFrom", required: true);
        var to = Date(check, o, p, "termTo", required: false);
        if (from is not null && to is not null && to < from) check.Fail($"{p}.termTo", "must not be before termFrom");
        return name is null || institution is null || seat is null || from is null ? null
            : new MemberFileEntry(name, email, institution, seat.Value, role, from.Value, to);
    }

    private static ResolutionFileEntry? ReadResolution(JsonChecker check, JsonNode? node, string p)
    {
        var o = check.AsObject(node, p, "number", "date", "title", "document");
        int? number = null;
        if (o?["number"] is JsonValue v && v.TryGetValue<int>(out var n) && n > 0) number = n;
        else check.Fail($"{p}.number", "must be a whole number above 0");
        var date = Date(check, o, p, "date", required: true);
        var title = check.String(o, p, "title");
        var document = check.String(o, p, "document", required: false);
        return number is null || date is null || title is null ? null : new ResolutionFileEntry(number.Value, date.Value, title, document);
    }

    private static T? Enum<T>(JsonChecker check, JsonObject? o, string p, string name, bool required) where T : struct, Enum
    {
        var text = check.String(o, p, name, required);
        if (text is null) return null;
        var pascal = char.ToUpperInvariant(text[0]) + text[1..];
        if (char.IsLower(text[0]) && System.Enum.TryParse<T>(pascal, ignoreCase: false, out var value)) return value;
        check.Fail($"{p}.{name}", $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(Camel))}");
        return null;
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateOnly? Date(JsonChecker check, JsonObject? o, string p, string name, bool required)
    {
        var text = check.String(o, p, name, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        check.Fail($"{p}.{name}", $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    private static List<string> Strings(JsonChecker check, JsonObject? o, string p, string name)
    {
        var result = new List<string>();
        var arr = check.Array(o, p, name, required: false);
        for (var i = 0; arr is not null && i < arr.Count; i++)
        {
            if (arr[i] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) result.Add(s);
            else check.Fail($"{p}.{name}[{i}]", "must be a non-empty string");
        }
        return result;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex KeyPattern();
}
