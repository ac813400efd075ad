using System.Globalization;
using System.Text.Json.Nodes;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Checks a plan document completely against tenants/PLAN-FORMAT.md and the tenant's plan levels; returns the
/// document, or null with every error (JSON path and problem) in the checker.
/// </summary>
public static class PlanDocumentReader
{
    /// <summary>Parses and checks a document from a stream (a request body or a file) named <paramref name="name"/> in errors.</summary>
    public static async Task<(PlanDocument? Document, JsonChecker Check)> ReadAsync(Stream json, string name, IReadOnlyList<PlanLevelLabel> levels, CancellationToken ct)
    {
        var check = new JsonChecker(name);
        try
        {
            var root = await JsonNode.ParseAsync(json, cancellationToken: ct);
            return (Read(root, check, levels), check);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // The parser counts lines and bytes from 0; its own words (English) stay for the API and the logs.
            check.Fail(ex.Path ?? "$", "not valid JSON at line {0}, byte {1} ({2})", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1,
                ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]);
            return (null, check);
        }
    }

    public static PlanDocument? Read(JsonNode? root, JsonChecker check, IReadOnlyList<PlanLevelLabel> levels)
    {
        var o = check.AsObject(root, "$", "title", "kind", "years", "status", "resolution", "resolutionUnknown", "parent", "source", "notes", "nodes");
        if (o is null) return null;
        var title = check.String(o, "$", "title");
        var kind = Enum<PlanKind>(check, o, "$", "kind", ("annual", PlanKind.Annual), ("multiYear", PlanKind.MultiYear));
        // Years may be unknown (null or absent) where the source does not give them.
        var years = check.Object(o, "$", "years", required: false, allowed: ["from", "to"]);
        var from = Int(check, years, "$.years", "from");
        var to = Int(check, years, "$.years", "to");
        if (from is not null && to is not null && to < from) check.Fail("$.years.to", "must not be before years.from");
        var status = Enum<PlanStatus>(check, o, "$", "status", ("draft", PlanStatus.Draft), ("inConsultation", PlanStatus.InConsultation),
            ("adopted", PlanStatus.Adopted), ("archived", PlanStatus.Archived));
        var adopted = status is PlanStatus.Adopted or PlanStatus.Archived;
        var resolutionUnknown = check.String(o, "$", "resolutionUnknown", required: false);
        if (resolutionUnknown is not null && !adopted) check.Fail("$.resolutionUnknown", "is only for an adopted or archived plan");
        if (resolutionUnknown is not null && o["resolution"] is not null) check.Fail("$.resolutionUnknown", "must not be given together with resolution");
        var resolution = ReadResolution(check, o, adopted && resolutionUnknown is null);
        var parent = ReadParent(check, o, kind);
        var source = check.String(o, "$", "source", required: false);
        var notes = Strings(check, o, "$", "notes");
        // A plan record may have no content yet (a draft's structure only, or a programme known by name).
        var nodes = Nodes(check, check.Array(o, "$", "nodes", required: false), "$.nodes", levels, 0);
        if (check.HasErrors) return null;
        return new PlanDocument(title!, kind!.Value, from, to, status!.Value, resolution, source, notes, nodes, resolutionUnknown, parent);
    }

    private static List<NodeDocument> Nodes(JsonChecker check, JsonArray? array, string path, IReadOnlyList<PlanLevelLabel> levels, int depth)
    {
        var result = new List<NodeDocument>();
        var expected = depth < levels.Count - 1 ? levels[depth].Key : null;
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"{path}[{i}]";
            var n = check.AsObject(array[i], p, "level", "code", "title", "children", "actions");
            var level = check.String(n, p, "level");
            if (level is not null && level != expected)
            {
                if (expected is null) check.Fail($"{p}.level", "is deeper than the region's plan levels");
                else check.Fail($"{p}.level", "must be '{0}' at this depth", expected);
            }
            var code = check.String(n, p, "code");
            var title = check.String(n, p, "title");
            var children = Nodes(check, check.Array(n, p, "children", required: false), $"{p}.children", levels, depth + 1);
            var actions = Actions(check, check.Array(n, p, "actions", required: false), $"{p}.actions");
            if (level is not null && code is not null && title is not null) result.Add(new NodeDocument(level, code, title, children, actions));
        }
        return result;
    }

    private static List<ActionDocument> Actions(JsonChecker check, JsonArray? array, string path)
    {
        var result = new List<ActionDocument>();
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"{path}[{i}]";
            var a = check.AsObject(array[i], p, "code", "name", "description", "product", "indicators", "budget", "timeframe",
                "implementers", "coordinator", "engagedBodies");
            var code = check.String(a, p, "code");
            var name = check.String(a, p, "name");
            var description = check.String(a, p, "description", required: false) ?? "";
            var product = check.String(a, p, "product", required: false) ?? "";
            var indicators = Indicators(check, check.Array(a, p, "indicators", required: false), $"{p}.indicators");
            var budget = Budget(check, check.Array(a, p, "budget", required: false), $"{p}.budget");
            var timeframe = check.String(check.Object(a, p, "timeframe", allowed: ["text"]), $"{p}.timeframe", "text");
            var implementers = Strings(check, a, p, "implementers");
            var coordinator = check.String(a, p, "coordinator", required: false);
            var engaged = Strings(check, a, p, "engagedBodies");
            if (code is not null && name is not null && timeframe is not null)
                result.Add(new ActionDocument(code, name, description, product, indicators, budget, timeframe, implementers, coordinator, engaged));
        }
        return result;
    }

    private static List<IndicatorDocument> Indicators(JsonChecker check, JsonArray? array, string path)
    {
        var result = new List<IndicatorDocument>();
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"{path}[{i}]";
            var ind = check.AsObject(array[i], p, "name", "target", "baseline", "catalogueCode");
            var name = check.String(ind, p, "name");
            var target = check.Object(ind, p, "target", allowed: ["kind", "value", "unit", "text"]);
            var kind = Enum<TargetKind>(check, target, $"{p}.target", "kind", ("count", TargetKind.Count), ("minimum", TargetKind.Minimum),
                ("share", TargetKind.Share), ("text", TargetKind.Text));
            var value = Decimal(check, target, $"{p}.target", "value");
            if (kind is not null && kind != TargetKind.Text && value is null) check.Fail($"{p}.target.value", "is required for a {0} target", kind.Value.ToString().ToLowerInvariant());
            var unit = check.String(target, $"{p}.target", "unit", required: false);
            var text = check.String(target, $"{p}.target", "text");
            var baseline = check.String(ind, p, "baseline", required: false);
            var catalogue = check.String(ind, p, "catalogueCode", required: false);
            if (name is not null && kind is not null && text is not null) result.Add(new IndicatorDocument(name, kind.Value, value, unit, text, baseline, catalogue));
        }
        return result;
    }

    private static List<BudgetLine> Budget(JsonChecker check, JsonArray? array, string path)
    {
        var result = new List<BudgetLine>();
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var p = $"{path}[{i}]";
            var line = check.AsObject(array[i], p, "amount", "source", "text");
            var amount = Decimal(check, line, p, "amount");
            if (amount < 0) check.Fail($"{p}.amount", "must not be negative");
            var source = check.String(line, p, "source");
            var text = check.String(line, p, "text");
            if (source is not null && text is not null) result.Add(new BudgetLine(amount, source, text));
        }
        return result;
    }

    private static ParentReference? ReadParent(JsonChecker check, JsonObject o, PlanKind? kind)
    {
        var p = check.Object(o, "$", "parent", required: false, allowed: ["file", "id"]);
        if (p is null) return null;
        if (kind is not null && kind != PlanKind.Annual) check.Fail("$.parent", "only an annual action plan belongs to a multi-year plan");
        var file = check.String(p, "$.parent", "file", required: false);
        var idText = check.String(p, "$.parent", "id", required: false);
        if ((file is null) == (idText is null)) { check.Fail("$.parent", "give either file (a file name in the region's plans/ folder) or id"); return null; }
        if (file is not null && (!file.EndsWith(".json", StringComparison.Ordinal) || file.Contains('/') || file.Contains('\\')))
            check.Fail("$.parent.file", "'{0}' is not a file name in the region's plans/ folder", file);
        Guid id = default;
        if (idText is not null && !Guid.TryParse(idText, out id)) check.Fail("$.parent.id", "'{0}' is not a plan id", idText);
        return new ParentReference(file, idText is null ? null : id);
    }

    private static Resolution? ReadResolution(JsonChecker check, JsonObject o, bool required)
    {
        var r = check.Object(o, "$", "resolution", required, allowed: ["text", "number", "body", "date"]);
        if (r is null) return null;
        var text = check.String(r, "$.resolution", "text");
        var number = check.String(r, "$.resolution", "number");
        var body = check.String(r, "$.resolution", "body");
        var date = check.String(r, "$.resolution", "date");
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        { check.Fail("$.resolution.date", "'{0}' is not a date (yyyy-MM-dd)", date); return null; }
        return text is null || number is null || body is null || date is null ? null : new Resolution(text, number, body, DateOnly.ParseExact(date, "yyyy-MM-dd"));
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

    private static T? Enum<T>(JsonChecker check, JsonObject? o, string path, string name, params (string Text, T Value)[] values) where T : struct
    {
        var s = check.String(o, path, name);
        if (s is null) return null;
        foreach (var (text, value) in values) if (text == s) return value;
        check.Fail($"{path}.{name}", "'{0}' is not one of {1}", s, string.Join(", ", values.Select(v => v.Text)));
        return null;
    }

    private static int? Int(JsonChecker check, JsonObject? o, string path, string name)
    {
        if (o is null) return null;
        if (o[name] is JsonValue v && v.TryGetValue<int>(out var n) && n is >= 1990 and <= 2100) return n;
        check.Fail($"{path}.{name}", "must be a year");
        return null;
    }

    private static decimal? Decimal(JsonChecker check, JsonObject? o, string path, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonValue v && v.TryGetValue<decimal>(out var d)) return d;
        check.Fail($"{path}.{name}", "must be a number or null");
        return null;
    }
}
