using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Consultations;

/// <summary>The consultation report for staff: the table, its XLSX and JSON, and publishing it.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ConsultationReportPageModel(EsRegionsDbContext db, ConsultationReport reports, ConsultationReportPublishing publishing,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ReportDto Report { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool opublikowano, CancellationToken ct)
    {
        if (await reports.BuildAsync(id, ct) is not { } report) return NotFound();
        Report = report;
        Published = opublikowano;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) =>
        await reports.BuildAsync(id, ct) is { } report
            ? File(ConsultationSpreadsheet.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"raport-z-konsultacji-{id.ToString()[..8]}.xlsx")
            : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct) =>
        await reports.BuildAsync(id, ct) is { } report ? new JsonResult(report) : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var consultation = await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return NotFound();
        try { await publishing.PublishAsync(consultation, ct); }
        catch (ConsultationStateException ex)
        {
            Error = ex.In(l);
            Report = (await reports.BuildAsync(id, ct))!;
            return Page();
        }
        return Redirect($"{Request.PathBase}/konsultacje/{id}/raport?opublikowano=true");
    }
}
