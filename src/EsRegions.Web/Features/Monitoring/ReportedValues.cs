using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Monitoring's answer to <see cref="IReportedValues"/>: values counted through each indicator's track. A track that
/// points at no live indicator (the plan's document was replaced, or an action was deleted) is matched by natural key
/// only when monitoring next loads the plan, so in that case the whole plan is matched as monitoring would match it.
/// </summary>
public sealed class ReportedValues(EsRegionsDbContext db) : IReportedValues
{
    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(Guid planId, IReadOnlyCollection<Guid> indicatorIds, CancellationToken ct)
    {
        if (indicatorIds.Count == 0) return new Dictionary<Guid, int>();
        var tracks = db.Set<IndicatorTrack>().AsNoTracking().Where(t => t.PlanId == planId);
        var indicators = db.Set<Indicator>();
        var trackOf = new Dictionary<Guid, Guid>();
        if (await tracks.AnyAsync(t => !indicators.Any(i => i.Id == t.IndicatorId), ct))
        {
            if (await MonitoredPlan.LoadAsync(db, planId, ct, readOnly: true) is not { } plan) return new Dictionary<Guid, int>();
            foreach (var id in indicatorIds) if (plan.TrackOf(id) is { } t) trackOf[id] = t.Id;
        }
        else
        {
            // The first track per indicator, as MonitoredPlan.Match takes it.
            foreach (var t in await tracks.Where(t => indicatorIds.Contains(t.IndicatorId)).OrderBy(t => t.Id).Select(t => new { t.Id, t.IndicatorId }).ToListAsync(ct))
                trackOf.TryAdd(t.IndicatorId, t.Id);
        }
        var trackIds = trackOf.Values.ToList();
        var counts = await db.Set<IndicatorValue>().Where(v => trackIds.Contains(v.TrackId))
            .GroupBy(v => v.TrackId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return trackOf.Where(p => counts.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => counts[p.Value]);
    }
}
