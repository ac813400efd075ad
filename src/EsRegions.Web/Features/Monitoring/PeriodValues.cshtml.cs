using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>A reporting period of a plan: its indicators with values and status (an implementer sees the assigned ones); staff approve or reopen it.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class PeriodValuesModel(EsRegionsDbContext db, MonitoringAccess access, ReportingSchedule schedule, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(IndicatorRef Indicator, IndicatorValue? Value, Status Status, string? Organisation, bool MayEnter);

    public MonitoredPlan Plan { get; private set; } = null!;
    public ReportingPeriodKey Period { get; private set; }
    public ReportingPeriod? PeriodRow { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsStaff => access.IsStaff;

    /// <summary>Indicators of the period without a value (staff see every indicator of the plan).</summary>
    public int Missing => Rows.Count(r => r.Value is null);

    [BindProperty]
    [Display(Name = "Powód ponownego otwarcia")]
    public string? Reason { get; set; }

    /// <summary>Staff confirm that a period with indicators still missing a value is approved all the same.</summary>
    [BindProperty]
    public bool ApproveIncomplete { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, string period, CancellationToken ct) =>
        await LoadAsync(planId, period, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid planId, string period, CancellationToken ct)
    {
        if (!access.IsStaff) return Forbid();
        if (!await LoadAsync(planId, period, ct)) return NotFound();
        // Approval locks the values: one click must not lock a period that most implementers have not reported yet.
        if (Missing > 0 && !ApproveIncomplete && PeriodRow?.IsLocked != true)
        {
            ModelState.AddModelError(nameof(ApproveIncomplete),
                l["Wartości nie ma jeszcze {0} z {1} wskaźników. Zaznacz, że zatwierdzasz okres mimo to.", Missing, Rows.Count]);
            return Page();
        }
        PeriodRow ??= schedule.AddAnnual(Plan.Plan.Id, Period);
        await schedule.ApproveAsync(Plan.Plan, PeriodRow, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/monitoring/plany/{planId}/okresy/{Period}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid planId, string period, CancellationToken ct)
    {
        if (!access.IsStaff) return Forbid();
        if (!await LoadAsync(planId, period, ct) || PeriodRow is null) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), l["Podaj powód ponownego otwarcia okresu."]);
            return Page();
        }
        await schedule.ReopenAsync(Plan.Plan, PeriodRow, Reason, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/monitoring/plany/{planId}/okresy/{Period}");
    }

    private async Task<bool> LoadAsync(Guid planId, string period, CancellationToken ct)
    {
        if (!ReportingPeriodKey.TryParse(period, out var key) || await MonitoredPlan.LoadAsync(db, planId, ct) is not { } plan) return false;
        if (key.Value.Year < plan.Plan.YearFrom || key.Value.Year > plan.Plan.YearTo) return false;
        (Plan, Period) = (plan, key.Value);
        PeriodRow = await schedule.FindAsync(planId, key.Value, ct);
        var trackIds = plan.Tracks.Values.Select(t => t.Id).ToList();
        var values = await db.Set<IndicatorValue>().Where(v => trackIds.Contains(v.TrackId) && v.Period == key.Value.ToString()).ToDictionaryAsync(v => v.TrackId, ct);
        var organisations = await db.Set<Plans.Organisation>().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var rows = new List<Row>();
        foreach (var r in plan.Indicators)
        {
            var track = plan.TrackOf(r.Indicator.Id);
            var mayEnter = await access.MayEnterAsync(track, ct);
            if (!access.IsStaff && !mayEnter) continue;
            var value = track is null ? null : values.GetValueOrDefault(track.Id);
            // A quarter's value is progress towards the year's target, judged by the same rules (no explanation required).
            var status = IndicatorStatus.Of(r.Indicator.TargetKind, r.Indicator.TargetValue, value?.Number, value?.Text, value?.Assessment);
            rows.Add(new Row(r, value, status, track?.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, mayEnter));
        }
        Rows = rows;
        return true;
    }
}
