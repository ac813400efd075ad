using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>
/// Staff correct a schedule's phase: its mark and name, its place among the phases (one up or down), or delete it with
/// its tasks after a question (their reminders cancelled).
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class EditSchedulePhaseModel(EsRegionsDbContext db, ScheduleAuthoring authoring) : PageModel
{
    public sealed class Input
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public PlanSchedule Schedule { get; private set; } = null!;
    public SchedulePhase Phase { get; private set; } = null!;
    public int PhaseCount { get; private set; }
    public int TaskCount { get; private set; }

    /// <summary>Set ("tak") after the phase moved: the page says its new place, once.</summary>
    [BindProperty(SupportsGet = true, Name = "przeniesiono")] public string? Moved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid phaseId, CancellationToken ct)
    {
        if (!await LoadAsync(id, phaseId, ct)) return NotFound();
        Form = new Input { Code = Phase.Code, Title = Phase.Title };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid phaseId, CancellationToken ct)
    {
        if (await authoring.ChangePhaseAsync(id, phaseId, new PhaseChange(Form.Code, Form.Title), ct) is not { } outcome) return NotFound();
        if (outcome.Result is not null) return Redirect($"{Request.PathBase}/harmonogramy/{id}?zmieniono=etap#p-{phaseId}");
        ModelState.AddFieldErrors("Form", outcome.Errors);
        return await LoadAsync(id, phaseId, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// One place up (<paramref name="direction"/> "gora") or down ("dol"), or to <paramref name="place"/> (1 first); the
    /// page stays open for the next move.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid phaseId, string? direction, int? place, CancellationToken ct)
    {
        if (!await authoring.MovePhaseAsync(id, phaseId, PlaceInOrder.Target(direction, place), ct) && !await LoadAsync(id, phaseId, ct)) return NotFound();
        return Redirect($"{Request.PathBase}/harmonogramy/{id}/etapy/{phaseId}?przeniesiono=tak");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid phaseId, CancellationToken ct) =>
        await authoring.DeletePhaseAsync(id, phaseId, ct) ? Redirect($"{Request.PathBase}/harmonogramy/{id}?usunieto=etap") : NotFound();

    private async Task<bool> LoadAsync(Guid id, Guid phaseId, CancellationToken ct)
    {
        Schedule = (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct))!;
        Phase = (await db.Set<SchedulePhase>().FirstOrDefaultAsync(p => p.Id == phaseId && p.ScheduleId == id, ct))!;
        if (Schedule is null || Phase is null) return false;
        PhaseCount = await db.Set<SchedulePhase>().CountAsync(p => p.ScheduleId == id, ct);
        TaskCount = await db.Set<ScheduleTask>().CountAsync(t => t.PhaseId == phaseId, ct);
        return true;
    }
}
