using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>A plan as monitoring sees it: its rows, its indicators in tree order, and each indicator's track (if any).</summary>
public sealed class MonitoredPlan
{
    public required PlanRows Rows { get; init; }
    public required IReadOnlyList<IndicatorRef> Indicators { get; init; }
    public required IReadOnlyDictionary<Guid, IndicatorTrack> Tracks { get; init; }
    public Plan Plan => Rows.Plan;

    public IndicatorTrack? TrackOf(Guid indicatorId) => Tracks.GetValueOrDefault(indicatorId);

    /// <summary>Loads the plan and matches tracks to its current indicators (re-linking tracks after a whole-document update).</summary>
    public static async Task<MonitoredPlan?> LoadAsync(EsRegionsDbContext db, Guid planId, CancellationToken ct)
    {
        if (await PlanRows.LoadAsync(db, planId, ct) is not { } rows) return null;
        var refs = new List<IndicatorRef>();
        void Walk(PlanNode node)
        {
            foreach (var action in rows.Actions[node.Id])
                refs.AddRange(rows.Indicators[action.Id].Select(i => new IndicatorRef(i, action, node)));
            foreach (var child in rows.Children[node.Id]) Walk(child);
        }
        foreach (var root in rows.Children[null]) Walk(root);
        var tracks = await db.Set<IndicatorTrack>().Where(t => t.PlanId == planId).ToListAsync(ct);
        return new MonitoredPlan { Rows = rows, Indicators = refs, Tracks = Match(refs, tracks) };
    }

    /// <summary>By indicator id first; then, for indicators recreated by a new version, by natural key (same position preferred).</summary>
    internal static Dictionary<Guid, IndicatorTrack> Match(IReadOnlyList<IndicatorRef> refs, List<IndicatorTrack> tracks)
    {
        var result = new Dictionary<Guid, IndicatorTrack>();
        var free = new List<IndicatorTrack>(tracks);
        foreach (var r in refs)
        {
            var same = free.FirstOrDefault(t => t.IndicatorId == r.Indicator.Id);
            if (same is null) continue;
            result[r.Indicator.Id] = same;
            free.Remove(same);
        }
        var liveIds = refs.Select(r => r.Indicator.Id).ToHashSet();
        free.RemoveAll(t => liveIds.Contains(t.IndicatorId));
        foreach (var r in refs.Where(r => !result.ContainsKey(r.Indicator.Id)))
        {
            var candidates = free.Where(t => t.SameNaturalKey(r)).ToList();
            var track = candidates.FirstOrDefault(t => t.Position == r.Indicator.Position) ?? candidates.FirstOrDefault();
            if (track is null) continue;
            track.Relink(r);
            result[r.Indicator.Id] = track;
            free.Remove(track);
        }
        return result;
    }

    /// <summary>The indicator's track, created (and added to the context) on first use.</summary>
    public IndicatorTrack EnsureTrack(EsRegionsDbContext db, IndicatorRef indicator)
    {
        if (TrackOf(indicator.Indicator.Id) is { } track) return track;
        track = new IndicatorTrack(Plan.Id, indicator);
        db.Add(track);
        ((Dictionary<Guid, IndicatorTrack>)Tracks)[indicator.Indicator.Id] = track;
        return track;
    }

    /// <summary>The plan that holds an indicator, found from the indicator's id (null: no such indicator in this region).</summary>
    public static async Task<(MonitoredPlan Plan, IndicatorRef Indicator)?> ForIndicatorAsync(EsRegionsDbContext db, Guid indicatorId, CancellationToken ct)
    {
        var planId = await db.Set<Indicator>().Where(i => i.Id == indicatorId)
            .Join(db.Set<PlanAction>(), i => i.ActionId, a => a.Id, (i, a) => (Guid?)a.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null || await LoadAsync(db, planId.Value, ct) is not { } plan) return null;
        return (plan, plan.Indicators.Single(r => r.Indicator.Id == indicatorId));
    }
}
