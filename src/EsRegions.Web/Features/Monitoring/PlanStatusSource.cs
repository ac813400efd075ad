using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Monitoring's answer to the plan tree (<see cref="IPlanStatusSource"/>): the annual report's statuses of one year,
/// per indicator and rolled up per level, as neutral marks the Plans page can show without knowing the rules.
/// </summary>
public sealed class PlanStatusSource(EsRegionsDbContext db, AnnualReport report) : IPlanStatusSource
{
    public async Task<PlanStatusView?> ForPlanAsync(Guid planId, int? year, CancellationToken ct, PlanRows? rows = null)
    {
        var tracks = db.Set<IndicatorTrack>();
        var periods = await db.Set<IndicatorValue>()
            .Where(v => tracks.Any(t => t.Id == v.TrackId && t.PlanId == planId))
            .Select(v => v.Period).Distinct().ToListAsync(ct);
        // Annual periods only ("2024"; quarters are "2024-Q1"): the annual report is what the tree summarises.
        var years = periods.Select(p => int.TryParse(p, out var y) ? y : 0).Where(y => y > 0).Distinct().OrderDescending().ToList();
        if (years.Count == 0) return null;
        var chosen = year is { } y2 && years.Contains(y2) ? y2 : years[0];
        if (await report.BuildAsync(planId, chosen, ct, rows) is not { } r) return null;
        var nodes = new Dictionary<Guid, PlanLevelStatus>();
        var indicators = new Dictionary<Guid, PlanStatusMark>();
        void Walk(ReportNodeDto n)
        {
            nodes[n.Id] = new PlanLevelStatus(Mark(Parse(n.Status)), n.Summary.Indicators, n.Summary.Achieved);
            foreach (var i in (n.Actions ?? []).SelectMany(a => a.Indicators)) indicators[i.Id] = Mark(Parse(i.Status));
            foreach (var c in n.Children ?? []) Walk(c);
        }
        foreach (var n in r.Nodes) Walk(n);
        return new PlanStatusView(chosen, years, new PlanLevelStatus(Mark(Parse(r.Status)), r.Summary.Indicators, r.Summary.Achieved),
            nodes, indicators, Enum.GetValues<Status>().Select(Mark).ToList(), $"/monitoring/plany/{planId}/raport/{chosen}");
    }

    private static Status Parse(string camel) => Enum.Parse<Status>(camel, ignoreCase: true);

    internal static PlanStatusMark Mark(Status s)
    {
        var (label, symbol) = IndicatorStatus.Mark(s);
        return new PlanStatusMark(IndicatorStatus.Camel(s), label, symbol);
    }
}
