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
    /// <param name="readOnly">
    /// True for callers that only read (the annual report, the plan tree's status marks): rows and tracks are not
    /// tracked, and tracks re-linked by <see cref="Match"/> are re-linked in memory only (the next write path saves it).
    /// </param>
    /// <param name="preloaded">Untracked rows the caller has read already (only with <paramref name="readOnly"/>).</param>
    public static async Task<MonitoredPlan?> LoadAsync(EsRegionsDbContext db, Guid planId, CancellationToken ct, bool readOnly = false,
        PlanRows? preloaded = null)
    {
        if (preloaded is not null && (!readOnly || preloaded.Plan.Id != planId))
            throw new ArgumentException("Preloaded rows are for read-only use of the same plan.", nameof(preloaded));
        if ((preloaded ?? await PlanRows.LoadAsync(db, planId, ct, readOnly)) is not { } rows) return null;
        var refs = new List<IndicatorRef>();
        void Walk(PlanNode node)
        {
            foreach (var action in rows.Actions[node.Id])
                refs.AddRange(rows.Indicators[action.Id].Select(i => new IndicatorRef(i, action, node)));
            foreach (var child in rows.Children[node.Id]) Walk(child);
        }
        foreach (var root in rows.Children[null]) Walk(root);
        var trackRows = readOnly ? db.Set<IndicatorTrack>().AsNoTracking() : db.Set<IndicatorTrack>();
        var tracks = await trackRows.Where(t => t.PlanId == planId).ToListAsync(ct);
        return new MonitoredPlan { Rows = rows, Indicators = refs, Tracks = Match(refs, tracks) };
    }

    /// <summary>By indicator id first; then, for indicators recreated by a new version, by natural key (same position preferred).</summary>
    internal static Dictionary<Guid, IndicatorTrack> Match(IReadOnlyList<IndicatorRef> refs, List<IndicatorTrack> tracks)
    {
        var result = new Dictionary<Guid, IndicatorTrack>();
        // By id through a lookup (first track per indicator id, as before): a list scan per indicator was quadratic,
        // 4,000 × 4,000 for a plan of 2,000 actions (docs/performance.md).
        var byIndicator = new Dictionary<Guid, IndicatorTrack>();
        foreach (var t in tracks) byIndicator.TryAdd(t.IndicatorId, t);
        var taken = new HashSet<IndicatorTrack>(ReferenceEqualityComparer.Instance);
        foreach (var r in refs)
        {
            if (!byIndicator.TryGetValue(r.Indicator.Id, out var same) || !taken.Add(same)) continue;
            result[r.Indicator.Id] = same;
        }
        var liveIds = refs.Select(r => r.Indicator.Id).ToHashSet();
        var free = tracks.Where(t => !taken.Contains(t) && !liveIds.Contains(t.IndicatorId)).ToList();
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
