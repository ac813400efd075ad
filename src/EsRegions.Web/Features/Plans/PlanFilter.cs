namespace EsRegions.Web.Features.Plans;

/// <summary>Filters of the plan page (implementer, funding source, quarter) and its budget summaries.</summary>
public sealed record PlanFilter(string? Implementer, string? Source, int? Quarter)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Implementer) && string.IsNullOrWhiteSpace(Source) && Quarter is null;

    public bool Matches(ActionDto a, int year) =>
        (string.IsNullOrWhiteSpace(Implementer) || a.Implementers.Any(i => i.Contains(Implementer, StringComparison.OrdinalIgnoreCase)))
        && (string.IsNullOrWhiteSpace(Source) || a.Budget.Any(b => b.Source.Contains(Source, StringComparison.OrdinalIgnoreCase)))
        && (Quarter is null || Overlaps(a.Timeframe, year, Quarter.Value));

    /// <summary>The tree with only the matching actions, and only the nodes that still hold some.</summary>
    public IReadOnlyList<NodeDto> Apply(IReadOnlyList<NodeDto> nodes, int year) =>
        IsEmpty ? nodes : nodes.Select(n => Prune(n, year)).OfType<NodeDto>().ToList();

    private NodeDto? Prune(NodeDto n, int year)
    {
        var children = (n.Children ?? []).Select(c => Prune(c, year)).OfType<NodeDto>().ToList();
        var actions = (n.Actions ?? []).Where(a => Matches(a, year)).ToList();
        return children.Count == 0 && actions.Count == 0 ? null : n with { Children = children, Actions = actions };
    }

    private static bool Overlaps(TimeframeDto t, int year, int quarter)
    {
        if (t.From is null || t.To is null) return false;
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        var to = from.AddMonths(3).AddDays(-1);
        return t.From <= to && t.To >= from;
    }

    public static IEnumerable<ActionDto> Actions(NodeDto n) => (n.Actions ?? []).Concat((n.Children ?? []).SelectMany(Actions));

    /// <summary>Budget per top-level node: the sum of amounts given, and how many lines give none.</summary>
    public static IReadOnlyList<(NodeDto Goal, decimal Amount, int WithoutAmount)> ByGoal(PlanDto plan) =>
        plan.Nodes.Select(g =>
        {
            var lines = Actions(g).SelectMany(a => a.Budget).ToList();
            return (g, lines.Sum(b => b.Amount ?? 0), lines.Count(b => b.Amount is null));
        }).ToList();

    /// <summary>Budget per funding source as the document writes it.</summary>
    /// <remarks>Amount is null where none of the source's lines gives one (not zero: the plan does not say).</remarks>
    public static IReadOnlyList<(string Source, decimal? Amount, int Lines)> BySource(PlanDto plan) =>
        plan.Nodes.SelectMany(Actions).SelectMany(a => a.Budget)
            .GroupBy(b => b.Source.Trim())
            .Select(g => (g.Key, g.Any(b => b.Amount is not null) ? g.Sum(b => b.Amount ?? 0) : (decimal?)null, g.Count()))
            .OrderByDescending(x => x.Item2 ?? -1).ThenBy(x => x.Key)
            .ToList();
}
