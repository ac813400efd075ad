using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// The region's monitoring: each plan with its reporting periods, their due dates and how many of the expected values
/// came in, and its reports. Implementers see the plans they report for and count only their own indicators; staff
/// count every indicator assigned to an implementer.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class MonitoringHomeModel(ReportingProgress progress, MonitoringAccess access) : PageModel
{
    public IReadOnlyList<PlanProgress> Plans { get; private set; } = [];
    public bool IsStaff => access.IsStaff;

    public async Task OnGetAsync(CancellationToken ct) => Plans = await progress.PlansAsync(ct);
}
