using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// The region's monitoring: each plan with its reporting periods, their due dates and how many of the expected values
/// came in, and its reports. Implementers see the plans they report for and count only their own indicators; staff
/// count every indicator assigned to an implementer.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class MonitoringHomeModel(EsRegionsDbContext db, MonitoringAccess access, TimeProvider clock) : PageModel
{
    /// <summary>A set-up period: <paramref name="Entered"/> of the <paramref name="Expected"/> indicators have a value.</summary>
    public sealed record PeriodProgress(ReportingPeriod Period, int Entered, int Expected, bool Overdue);

    public sealed record PlanEntry(Plan Plan, IReadOnlyList<ReportingPeriod> Periods, int Assigned, IReadOnlyList<PeriodProgress> Progress);

    public IReadOnlyList<PlanEntry> Plans { get; private set; } = [];
    public bool IsStaff => access.IsStaff;

    public async Task OnGetAsync(CancellationToken ct)
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), PolishCalendar.Warsaw).DateTime);
        PeriodProgress Progress(ReportingPeriod p)
        {
            var due = perPlan.GetValueOrDefault(p.PlanId)?.Expected ?? 0;
            var done = entered.GetValueOrDefault((p.PlanId, p.Key));
            return new PeriodProgress(p, done, due, p.State == PeriodState.Open && p.DueOn < today && done < due);
        }
        Plans = plans.Select(p =>
            {
                var ordered = periods[p.Id].OrderBy(x => x.Year).ThenBy(x => x.Quarter ?? 5).ToList();
                return new PlanEntry(p, ordered, perPlan.GetValueOrDefault(p.Id)?.Assigned ?? 0, ordered.Select(Progress).ToList());
            })
            .Where(e => access.IsStaff || e.Assigned > 0 || !access.IsImplementer).ToList();
    }
}
