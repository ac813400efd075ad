using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>The region's monitoring: each plan with its reporting periods and reports; for implementers, what they report.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class MonitoringHomeModel(EsRegionsDbContext db, MonitoringAccess access) : PageModel
{
    public sealed record PlanEntry(Plan Plan, IReadOnlyList<ReportingPeriod> Periods, int Assigned);

    public IReadOnlyList<PlanEntry> Plans { get; private set; } = [];
    public bool IsStaff => access.IsStaff;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var plans = await db.Set<Plan>().OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title).ToListAsync(ct);
        var periods = (await db.Set<ReportingPeriod>().ToListAsync(ct)).ToLookup(p => p.PlanId);
        var organisations = await access.OrganisationsAsync(ct);
        var assigned = (await db.Set<IndicatorTrack>().Where(t => t.OrganisationId != null && organisations.Contains(t.OrganisationId.Value))
            .Select(t => t.PlanId).ToListAsync(ct)).CountBy(id => id).ToDictionary(kv => kv.Key, kv => kv.Value);
        Plans = plans.Select(p => new PlanEntry(p, periods[p.Id].OrderBy(x => x.Year).ThenBy(x => x.Quarter ?? 5).ToList(), assigned.GetValueOrDefault(p.Id)))
            .Where(e => access.IsStaff || e.Assigned > 0 || !access.IsImplementer).ToList();
    }
}
