using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>A set-up period: <paramref name="Entered"/> of the <paramref name="Expected"/> indicators have a value.</summary>
public sealed record PeriodProgress(ReportingPeriod Period, int Entered, int Expected, bool Overdue)
{
    public int Missing => Math.Max(0, Expected - Entered);
}

/// <summary>A plan as the reader reports on it: its periods in order, with what came in, and how many of its indicators are the reader's organisation's.</summary>
public sealed record PlanProgress(Plan Plan, IReadOnlyList<PeriodProgress> Periods, int Assigned);

/// <summary>
/// What is expected from implementers and what came in, per plan and reporting period. Staff count every indicator
/// assigned to an implementer; an implementer counts their own organisation's and sees only the plans they report for.
/// Read by the monitoring page and by the region's home page (the reader's open periods).
/// </summary>
public sealed class ReportingProgress(EsRegionsDbContext db, MonitoringAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanProgress>> PlansAsync(CancellationToken ct)
    {
        var plans = await db.Set<Plan>().OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title).ToListAsync(ct);
        var periods = (await db.Set<ReportingPeriod>().ToListAsync(ct)).ToLookup(p => p.PlanId);
        var organisations = await access.OrganisationsAsync(ct);
        // The values expected from implementers: for staff every assigned indicator, for an implementer their own;
        // and per plan, in the same query, how many are the reader's organisation's.
        var everyone = access.IsStaff;
        var expected = db.Set<IndicatorTrack>().Where(t => t.OrganisationId != null && (everyone || organisations.Contains(t.OrganisationId.Value)));
        var perPlan = await expected.GroupBy(t => t.PlanId)
            .Select(g => new { g.Key, Expected = g.Count(), Assigned = g.Count(t => organisations.Contains(t.OrganisationId!.Value)) })
            .ToDictionaryAsync(g => g.Key, ct);
        var entered = (await (from v in db.Set<IndicatorValue>()
                              join t in expected on v.TrackId equals t.Id
                              group v by new { t.PlanId, v.Period } into g
                              select new { g.Key.PlanId, g.Key.Period, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.PlanId, x.Period), x => x.Count);
        var today = Today;
        PeriodProgress Progress(ReportingPeriod p)
        {
            var due = perPlan.GetValueOrDefault(p.PlanId)?.Expected ?? 0;
            var done = entered.GetValueOrDefault((p.PlanId, p.Key));
            return new PeriodProgress(p, done, due, p.State == PeriodState.Open && p.DueOn < today && done < due);
        }
        return plans
            .Select(p => new PlanProgress(p,
                periods[p.Id].OrderBy(x => x.Year).ThenBy(x => x.Quarter ?? 5).Select(Progress).ToList(),
                perPlan.GetValueOrDefault(p.Id)?.Assigned ?? 0))
            .Where(e => access.IsStaff || e.Assigned > 0 || !access.IsImplementer).ToList();
    }

    /// <summary>Today in Poland, the day deadlines are counted in.</summary>
    public DateOnly Today => PolishCalendar.WarsawDate(clock.GetUtcNow());
}
