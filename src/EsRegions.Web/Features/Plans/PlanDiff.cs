namespace EsRegions.Web.Features.Plans;

/// <summary>One difference between two versions of a plan: where, what, before and after.</summary>
public sealed record PlanChange(string Kind, string Where, string? Field, string? Before, string? After);

/// <summary>
/// Compares two versions of a plan element by element. Nodes are matched by their path of codes ("I › I.1 › 1"),
/// actions by node path and action code, so renumbering shows as removal and addition.
/// </summary>
public static class PlanDiff
{
    public static IReadOnlyList<PlanChange> Compare(PlanDocument older, PlanDocument newer)
    {
        var changes = new List<PlanChange>();
        Field(changes, "plan", "title", older.Title, newer.Title);
        Field(changes, "plan", "years", PlanQueries.Years(older.YearFrom, older.YearTo) ?? "", PlanQueries.Years(newer.YearFrom, newer.YearTo) ?? "");
        var a = Flatten(older.Nodes, "");
        var b = Flatten(newer.Nodes, "");
        foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            a.TryGetValue(key, out var before);
            b.TryGetValue(key, out var after);
            if (before is null) changes.Add(new PlanChange("added", key, null, null, Describe(after!)));
            else if (after is null) changes.Add(new PlanChange("removed", key, null, Describe(before), null));
            else Compare(changes, key, before, after);
        }
        return changes;
    }

    private static Dictionary<string, object> Flatten(IReadOnlyList<NodeDocument> nodes, string prefix)
    {
        var result = new Dictionary<string, object>();
        foreach (var n in nodes)
        {
            var path = prefix.Length == 0 ? n.Code : $"{prefix} › {n.Code}";
            result[path] = n;
            foreach (var a in n.Actions) result[$"{path} › działanie {a.Code}"] = a;
            foreach (var (k, v) in Flatten(n.Children, path)) result[k] = v;
        }
        return result;
    }

    private static void Compare(List<PlanChange> changes, string where, object before, object after)
    {
        if (before is NodeDocument n1 && after is NodeDocument n2)
        {
            Field(changes, where, "title", n1.Title, n2.Title);
            return;
        }
        var (x, y) = ((ActionDocument)before, (ActionDocument)after);
        Field(changes, where, "name", x.Name, y.Name);
        Field(changes, where, "description", x.Description, y.Description);
        Field(changes, where, "product", x.Product, y.Product);
        Field(changes, where, "indicators", string.Join("\n", x.Indicators.Select(i => i.Text)), string.Join("\n", y.Indicators.Select(i => i.Text)));
        Field(changes, where, "budget", string.Join("\n", x.Budget.Select(l => l.Text)), string.Join("\n", y.Budget.Select(l => l.Text)));
        Field(changes, where, "timeframe", x.Timeframe, y.Timeframe);
        Field(changes, where, "implementers", string.Join(", ", x.Implementers), string.Join(", ", y.Implementers));
    }

    private static void Field(List<PlanChange> changes, string where, string field, string before, string after)
    {
        if (before != after) changes.Add(new PlanChange("changed", where, field, before, after));
    }

    private static string Describe(object element) => element switch
    {
        NodeDocument n => n.Title,
        ActionDocument a => a.Name,
        _ => "",
    };
}
