using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Consultations;

/// <summary>The published report, for anyone; before publication the page does not exist (404).</summary>
[TenantScoped]
[AllowAnonymous]
public sealed class PublicReportModel(ConsultationReport reports) : PageModel
{
    public ReportDto Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await reports.BuildAsync(id, ct) is not { PublishedAt: not null } report) return NotFound();
        Report = report;
        return Page();
    }
}
