using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>The annual implementation report of a plan (printable), its XLSX export, and publishing the year (staff).</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class ReportModel(AnnualReport reports, Publishing publishing, MonitoringAccess access) : PageModel
{
    public ReportDto Report { get; private set; } = null!;
    public bool IsStaff => access.IsStaff;
    [BindProperty(SupportsGet = true)] public bool Druk { get; set; }
    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, int year, bool opublikowano, CancellationToken ct)
    {
        Published = opublikowano;
        return await LoadAsync(planId, year, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid planId, int year, CancellationToken ct)
    {
        if (!access.IsStaff) return Forbid();
        if (await publishing.PublishAsync(planId, year, ct) is null) return NotFound();
        return Redirect($"{Request.PathBase}/monitoring/plany/{planId}/raport/{year}?opublikowano=true");
    }

    private async Task<bool> LoadAsync(Guid planId, int year, CancellationToken ct)
    {
        var report = await reports.BuildAsync(planId, year, ct);
        if (report is null) return false;
        Report = report;
        return true;
    }

    public static Status Parse(string camel) => Enum.Parse<Status>(camel, ignoreCase: true);
}
