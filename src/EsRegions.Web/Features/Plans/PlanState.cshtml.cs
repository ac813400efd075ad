using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Staff move a plan through its lifecycle, as the API does: a draft goes to consultation, a draft or a plan in
/// consultation is adopted by resolution (its version frozen), an adopted plan goes to the archive. The page lists the
/// adopted versions and leads to the consultation of the plan and to the comparison of versions.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class PlanStateModel(EsRegionsDbContext db, PlanLifecycle lifecycle, IEnumerable<IPlanConsultations> consultations, TimeProvider clock) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Numer uchwały")] public string? Number { get; set; }
        [Display(Name = "Kto ją podjął")] public string? Body { get; set; }
        [Display(Name = "Data uchwały")] public DateOnly? Date { get; set; }
        [Display(Name = "Pełne brzmienie")] public string? Text { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();

    /// <summary>What was just done ("konsultacje", "przyjety", "archiwum"), shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "zrobione")] public string? Done { get; set; }

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersionDto> Versions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<PlanConsultation> Consultations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostConsultationAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, () => lifecycle.ChangeAsync(id, p => p.SubmitForConsultation(), ct), "konsultacje", ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, () => lifecycle.ChangeAsync(id, p => p.Archive(), ct), "archiwum", ct);

    public async Task<IActionResult> OnPostAdoptAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear(); // the fields are checked by the rules the API uses, named by their form fields
        ModelState.AddFieldErrors("Form", PlanAdoption.Check(Form.Number, Form.Body, Form.Date, Form.Text, PolishCalendar.WarsawDate(clock.GetUtcNow())));
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var resolution = PlanAdoption.Resolution(Form.Number!, Form.Body!, Form.Date!.Value, Form.Text);
        return await ChangeAsync(id, () => lifecycle.ChangeAsync(id, p => lifecycle.AdoptAsync(p, resolution, ct), ct), "przyjety", ct);
    }

    /// <summary>A step of <see cref="PlanLifecycle"/> (under the plan's row lock); one the plan's state no longer allows (another tab, another person) is said on the page.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<Plan?>> step, string done, CancellationToken ct)
    {
        try
        {
            if (await step() is null) return NotFound();
        }
        catch (PlanStateException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, ex.Message);
            if (!await LoadAsync(id, ct)) return NotFound();
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }
        return Redirect($"{Request.PathBase}/plany/{id}/stan?zrobione={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return false;
        Plan = plan;
        Versions = await db.Set<PlanVersion>().Where(v => v.PlanId == id).OrderByDescending(v => v.Number)
            .Select(v => new PlanVersionDto(v.Number, v.ResolutionText, v.FrozenAt)).ToListAsync(ct);
        Today = PolishCalendar.WarsawDate(clock.GetUtcNow());
        foreach (var source in consultations) Consultations = [.. Consultations, .. await source.ForPlanAsync(id, ct)];
        return true;
    }
}
