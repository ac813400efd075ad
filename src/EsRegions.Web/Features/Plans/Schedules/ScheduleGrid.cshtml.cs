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
/// A drafting schedule as a quarter grid (a table like the document's), with links for staff to change a task, and
/// below it staff add a phase or a task (its reminder of the end quarter is scheduled as for any task).
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class ScheduleGridModel(ScheduleQueries schedules, EsRegionsDbContext db, ScheduleAuthoring authoring, IAuthorizationService auth) : PageModel
{
    public sealed class PhaseInput
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
    }

    public sealed class TaskInput
    {
        public Guid? PhaseId { get; set; }
        public string? Title { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Owner { get; set; }
    }

    public ScheduleDto Schedule { get; private set; } = null!;
    public string? PlanTitle { get; private set; }

    [BindProperty] public PhaseInput NewPhase { get; set; } = new();
    [BindProperty] public TaskInput NewTask { get; set; } = new();

    /// <summary>What was just added ("etap", "zadanie"), said once after the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "dodano")] public string? Added { get; set; }

    /// <summary>"zadanie" or "etap" after a task or a phase was deleted on its page.</summary>
    [BindProperty(SupportsGet = true, Name = "usunieto")] public string? Deleted { get; set; }

    /// <summary>"harmonogram" or "etap" after the schedule or a phase was corrected on its page.</summary>
    [BindProperty(SupportsGet = true, Name = "zmieniono")] public string? Changed { get; set; }

    /// <summary>
    /// Whether the reader may change the schedule (the staff policy): the links and forms are shown to them, and the
    /// handlers that change it refuse anyone else — Razor Pages apply authorisation per page, not per handler.
    /// </summary>
    public bool CanEdit { get; private set; }

    private async Task<bool> MayEditAsync() => CanEdit = (await auth.AuthorizeAsync(User, Policies.TenantStaff)).Succeeded;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPhaseAsync(Guid id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        if (await authoring.AddPhaseAsync(id, new NewPhaseRequest(NewPhase.Code, NewPhase.Title), ct) is not { } outcome) return NotFound();
        if (outcome.Result is { } phase) return Redirect($"{Request.PathBase}/harmonogramy/{id}?dodano=etap#p-{phase.Id}");
        return await RefusedAsync(id, "NewPhase", outcome.Errors, ct);
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        var request = new NewTaskRequest(NewTask.PhaseId, NewTask.Title, NewTask.From, NewTask.To, NewTask.Owner);
        if (await authoring.AddTaskAsync(id, request, ct) is not { } outcome) return NotFound();
        if (outcome.Result is { } task) return Redirect($"{Request.PathBase}/harmonogramy/{id}?dodano=zadanie#t-{task.Id}");
        return await RefusedAsync(id, "NewTask", outcome.Errors, ct);
    }

    /// <summary>The page again with each refusal next to its field of <paramref name="form"/>, what was typed kept.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string form, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddFieldErrors(form, errors);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        await MayEditAsync();
        if (await schedules.GetAsync(id, ct) is not { } schedule) return false;
        Schedule = schedule;
        if (schedule.PlanId is { } planId)
            PlanTitle = await db.Set<Plan>().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return true;
    }
}
