using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>An implementer (for an assigned indicator) or staff enter a value for a period; the history of changes is below.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class EnterValueModel(EsRegionsDbContext db, ValueEntry entry, MonitoringAccess access, ReportingSchedule schedule, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Wartość osiągnięta")] public string? Value { get; set; }
        [Display(Name = "Komentarz (wyjaśnienie, gdy wartość odbiega od docelowej)")] public string? Comment { get; set; }
        [Display(Name = "Ocena realizacji")] public Assessment? Assessment { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public IndicatorRef Indicator { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public ReportingPeriodKey Period { get; private set; }
    public ReportingPeriod? PeriodRow { get; private set; }
    public IReadOnlyList<IndicatorValueRevision> History { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool IsText => Indicator.Indicator.TargetKind == TargetKind.Text;

    public async Task<IActionResult> OnGetAsync(Guid indicatorId, string period, bool zapisano, CancellationToken ct)
    {
        if (await LoadAsync(indicatorId, period, ct) is { } problem) return problem;
        Saved = zapisano;
        var current = History.FirstOrDefault(h => h.Period == Period.ToString());
        if (current is not null)
            Form = new Input { Value = current.Number?.ToString("0.##", CultureInfo.GetCultureInfo("pl-PL")) ?? current.Text, Comment = current.Comment, Assessment = current.Assessment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid indicatorId, string period, CancellationToken ct)
    {
        if (await LoadAsync(indicatorId, period, ct) is { } problem) return problem;
        decimal? number = null;
        string? text = null;
        var raw = Form.Value?.Trim();
        if (TypedNumber.TryParse(raw, out var n)) number = n;
        else if (IsText) text = raw;
        else if (TypedNumber.IsAmbiguous(raw)) { ModelState.AddModelError("Form.Value", l[TypedNumber.AmbiguousMessage]); return Page(); }
        else if (!string.IsNullOrEmpty(raw)) { ModelState.AddModelError("Form.Value", l["Podaj liczbę, np. 12 albo 35,5."]); return Page(); }
        var result = await entry.EnterAsync(indicatorId, period, new ValueInput(number, text, Form.Comment, Form.Assessment), ct);
        switch (result.Outcome)
        {
            case EntryOutcome.NotFound: return NotFound();
            case EntryOutcome.Forbidden: return Forbid();
            case EntryOutcome.Invalid:
                foreach (var (field, messages) in result.Errors!)
                    foreach (var m in messages) ModelState.AddModelError(field == "period" ? string.Empty : "Form." + char.ToUpperInvariant(field[0]) + field[1..], l[m]);
                return Page();
        }
        return Redirect($"{Request.PathBase}/monitoring/wskazniki/{indicatorId}/{Period}?zapisano=true");
    }

    private async Task<IActionResult?> LoadAsync(Guid indicatorId, string period, CancellationToken ct)
    {
        if (!ReportingPeriodKey.TryParse(period, out var key) || await MonitoredPlan.ForIndicatorAsync(db, indicatorId, ct) is not var (plan, indicator))
            return NotFound();
        var track = plan.TrackOf(indicatorId);
        if (!await access.MayEnterAsync(track, ct)) return Forbid();
        (Indicator, Plan, Period) = (indicator, plan.Plan, key.Value);
        PeriodRow = await schedule.FindAsync(plan.Plan.Id, key.Value, ct);
        History = track is null ? [] : await db.Set<IndicatorValueRevision>().Where(r => r.TrackId == track.Id).OrderByDescending(r => r.ChangedAt).ToListAsync(ct);
        return null;
    }
}
