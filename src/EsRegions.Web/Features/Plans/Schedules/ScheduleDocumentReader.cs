using System.Text.Json.Nodes;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>A drafting schedule as written in tenants/&lt;slug&gt;/schedules/*.json (tenants/SCHEDULE-FORMAT.md).</summary>
public sealed record ScheduleDocument(string Title, string? Heading, string? PlanFile, Quarter From, Quarter To, string? Source,
    IReadOnlyList<string> Notes, IReadOnlyList<PhaseDocument> Phases);

public sealed record PhaseDocument(string Code, string Title, IReadOnlyList<string> Details, IReadOnlyList<TaskDocument> Tasks);

public sealed record TaskDocument(string Title, Quarter? From, Quarter? To, string? Owner, ScheduleTaskStatus Status, string? Note);

/// <summary>Checks a schedule document completely; returns it, or null with every error (JSON path) in the checker.</summary>
public static class ScheduleDocumentReader
{
    public static async Task<(ScheduleDocument? Document, JsonChecker Check)> ReadAsync(Stream json, string name, CancellationToken ct)
    {
        var check = new JsonChecker(name);
        try
        {
            return (Read(await JsonNode.ParseAsync(json, cancellationToken: ct), check), check);
        }
        catch (System.Text.Json.JsonException ex)
        {
            check.Fail(ex.Path ?? "$", $"not valid JSON ({ex.Message.Split(" Path:")[0]})");
            return (null, check);
        }
    }

    public static ScheduleDocument? Read(JsonNode? root, JsonChecker check)
    {
        var o = check.AsObject(root, "$", "title", "heading", "plan", "quarters", "source", "notes", "phases");
        if (o is null) return null;
        var title = check.String(o, "$", "title");
        var heading = check.String(o, "$", "heading", required: false);
        var plan = check.String(o, "$", "plan", required: false);
        if (plan is not null && (!plan.EndsWith(".json", StringComparison.Ordinal) || plan.Contains('/') || plan.Contains('\\')))
            check.Fail("$.plan", $"'{plan}' is not a file name in the region's plans/ folder (e.g. \"plan-2021-2030.json\")");
        var (from, to) = Range(check, o, "$", required: true);
        var source = check.String(o, "$", "source", required: false);
        var notes = Strings(check, o, "$", "notes");
        var phases = new List<PhaseDocument>();
        var array = check.Array(o, "$", "phases", minItems: 1);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"$.phases[{i}]";
            var ph = check.AsObject(array[i], p, "code", "title", "details", "tasks");
            var code = check.String(ph, p, "code");
            var phaseTitle = check.String(ph, p, "title");
            var details = Strings(check, ph, p, "details");
            var tasks = Tasks(check, check.Array(ph, p, "tasks", required: false), $"{p}.tasks", from, to);
            if (code is not null && phaseTitle is not null) phases.Add(new PhaseDocument(code, phaseTitle, details, tasks));
        }
        if (check.HasErrors) return null;
        return new ScheduleDocument(title!, heading, plan, from!.Value, to!.Value, source, notes, phases);
    }

    private static List<TaskDocument> Tasks(JsonChecker check, JsonArray? array, string path, Quarter? first, Quarter? last)
    {
        var result = new List<TaskDocument>();
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"{path}[{i}]";
            var t = check.AsObject(array[i], p, "title", "quarters", "owner", "status", "note");
            var title = check.String(t, p, "title");
            var (from, to) = Range(check, t, p, required: false);
            if (from is { } f && to is { } l && first is { } sf && last is { } sl && (f < sf || l > sl))
                check.Fail($"{p}.quarters", $"{f}–{l} lies outside the schedule's {sf}–{sl}");
            var note = check.String(t, p, "note", required: false);
            if (t is not null && t["quarters"] is null && note is null)
                check.Fail($"{p}.note", "is required when the task's quarters are unknown (say why)");
            var owner = check.String(t, p, "owner", required: false);
            var statusText = check.String(t, p, "status");
            var status = ScheduleQueries.ParseStatus(statusText);
            if (statusText is not null && status is null)
                check.Fail($"{p}.status", $"'{statusText}' is not one of {string.Join(", ", ScheduleQueries.StatusTexts)}");
            if (title is not null && status is not null) result.Add(new TaskDocument(title, from, to, owner, status.Value, note));
        }
        return result;
    }

    private static (Quarter? From, Quarter? To) Range(JsonChecker check, JsonObject? o, string path, bool required)
    {
        var r = check.Object(o, path, "quarters", required, allowed: ["from", "to"]);
        if (r is null) return (null, null);
        var from = QuarterOf(check, r, $"{path}.quarters", "from");
        var to = QuarterOf(check, r, $"{path}.quarters", "to");
        if (from is not null && to is not null && to < from) { check.Fail($"{path}.quarters.to", "must not be before quarters.from"); return (null, null); }
        return (from, to);
    }

    private static Quarter? QuarterOf(JsonChecker check, JsonObject o, string path, string name)
    {
        var s = check.String(o, path, name);
        if (s is null) return null;
        var q = Quarter.TryParse(s);
        if (q is null) check.Fail($"{path}.{name}", $"'{s}' is not a quarter (yyyy-Qn, e.g. \"2019-Q3\")");
        return q;
    }

    private static List<string> Strings(JsonChecker check, JsonObject? o, string path, string name)
    {
        var result = new List<string>();
        var array = check.Array(o, path, name, required: false);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) result.Add(s);
            else check.Fail($"{path}.{name}[{i}]", "must be a non-empty string");
        }
        return result;
    }
}
