using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Staff set up a plan's monitoring: reporting periods with due dates, the implementer of each indicator, its catalogue code.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class PlanSetupModel(EsRegionsDbContext db, ReportingSchedule schedule, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class PeriodInput
    {
        [Required(ErrorMessage = "Podaj okres, np. 2024 albo 2024-Q2.")]
        [Display(Name = "Okres (rok lub kwartał)")]
        public string Period { get; set; } = "";

        [Required(ErrorMessage = "Podaj termin przekazania wartości.")]
        [Display(Name = "Termin")]
        public DateOnly? DueOn { get; set; }
    }

    public sealed class RowInput
    {
        public Guid IndicatorId { get; set; }
        public Guid? OrganisationId { get; set; }
        public string? CatalogueCode { get; set; }
    }

    [BindProperty] public PeriodInput NewPeriod { get; set; } = new();
    [BindProperty] public List<RowInput> Rows { get; set; } = [];
    public MonitoredPlan Plan { get; private set; } = null!;
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<CatalogueIndicator> Catalogue { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, bool zapisano, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        Saved = zapisano;
        Rows = Plan.Indicators.Select(r => new RowInput
        {
            IndicatorId = r.Indicator.Id, OrganisationId = Plan.TrackOf(r.Indicator.Id)?.OrganisationId, CatalogueCode = r.Indicator.CatalogueCode,
        }).ToList();
        NewPeriod = new PeriodInput { Period = Plan.Plan.YearFrom?.ToString() ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostPeriodAsync(Guid planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        ModelState.Remove(nameof(Rows));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Rows")).ToList()) ModelState.Remove(key);
        var ok = ReportingPeriodKey.TryParse(NewPeriod.Period?.Trim(), out var period);
        if (!string.IsNullOrWhiteSpace(NewPeriod.Period) && (!ok || period!.Value.Year < Plan.Plan.YearFrom || period.Value.Year > Plan.Plan.YearTo))
            ModelState.AddModelError("NewPeriod.Period", l["Podaj rok lub kwartał z lat planu ({0}–{1}), np. {2} albo {2}-Q2.", Year(Plan.Plan.YearFrom), Year(Plan.Plan.YearTo), Year(Plan.Plan.YearFrom)]);
        if (!ModelState.IsValid) return Page();
        await schedule.ScheduleAsync(Plan.Plan, period!.Value, NewPeriod.DueOn, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/monitoring/plany/{planId}?zapisano=true");
    }

    public async Task<IActionResult> OnPostAssignmentsAsync(Guid planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        var organisations = Organisations.Select(o => o.Id).ToHashSet();
        var codes = Catalogue.Select(c => c.Code).ToHashSet();
        foreach (var row in Rows)
        {
            if (Plan.Indicators.FirstOrDefault(r => r.Indicator.Id == row.IndicatorId) is not { } indicator) continue;
            var org = row.OrganisationId is { } o && organisations.Contains(o) ? o : (Guid?)null;
            var track = Plan.TrackOf(row.IndicatorId);
            if (track is not null || org is not null) Plan.EnsureTrack(db, indicator).AssignTo(org);
            var code = string.IsNullOrWhiteSpace(row.CatalogueCode) || !codes.Contains(row.CatalogueCode) ? null : row.CatalogueCode;
            if (indicator.Indicator.CatalogueCode != code) indicator.Indicator.MapToCatalogue(code);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/monitoring/plany/{planId}?zapisano=true");
    }

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        if (await MonitoredPlan.LoadAsync(db, planId, ct) is not { } plan) return false;
        Plan = plan;
        Periods = await schedule.ListAsync(planId, ct);
        Organisations = await db.Set<Organisation>().OrderBy(o => o.ShortName).ToListAsync(ct);
        Catalogue = await db.Set<CatalogueIndicator>().OrderBy(c => c.Position).ToListAsync(ct);
        return true;
    }

    private static string Year(int? year) => year?.ToString() ?? "?";
}
