using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
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
public sealed class ScheduleGridModel(ScheduleQueries schedules, EsRegionsDbContext db, ScheduleReminders reminders, IAuthorizationService auth) : PageModel
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

    /// <summary>"zadanie" after a task was deleted on its page.</summary>
    [BindProperty(SupportsGet = true, Name = "usunieto")] public string? Deleted { get; set; }

    /// <summary>Whether the reader sees the links and forms that change the schedule (the page's handlers check the policy itself).</summary>
    public bool CanEdit => User.IsInRole(Policies.Roles.Staff) || User.IsInRole(Policies.Roles.TenantAdmin);

    /// <summary>Razor Pages apply authorisation per page, not per handler: the handlers that change the schedule ask for the staff policy.</summary>
    private async Task<bool> MayEditAsync() => (await auth.AuthorizeAsync(User, Policies.TenantStaff)).Succeeded;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPhaseAsync(Guid id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct) is null) return NotFound();
        ModelState.Clear();
        var (code, title) = (NewPhase.Code?.Trim() ?? "", NewPhase.Title?.Trim() ?? "");
        if (code.Length == 0) ModelState.AddModelError("NewPhase.Code", "Podaj oznaczenie etapu, np. „II”.");
        else if (code.Length > 20) ModelState.AddModelError("NewPhase.Code", "Oznaczenie etapu może mieć najwyżej 20 znaków.");
        if (title.Length == 0) ModelState.AddModelError("NewPhase.Title", "Podaj nazwę etapu.");
        else if (title.Length > 500) ModelState.AddModelError("NewPhase.Title", "Nazwa etapu może mieć najwyżej 500 znaków.");
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();

        var position = await db.Set<SchedulePhase>().CountAsync(p => p.ScheduleId == id, ct);
        var phase = new SchedulePhase(id, position, code, title, []);
        db.Add(phase);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/harmonogramy/{id}?dodano=etap#p-{phase.Id}");
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid id, CancellationToken ct)
    {
        if (!await MayEditAsync()) return Forbid();
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule) return NotFound();
        ModelState.Clear();
        var title = NewTask.Title?.Trim() ?? "";
        if (NewTask.PhaseId is not { } phaseId || !await db.Set<SchedulePhase>().AnyAsync(p => p.Id == phaseId && p.ScheduleId == id, ct))
            ModelState.AddModelError("NewTask.PhaseId", "Wybierz etap tego harmonogramu.");
        if (title.Length == 0) ModelState.AddModelError("NewTask.Title", "Podaj nazwę zadania.");
        else if (title.Length > 1000) ModelState.AddModelError("NewTask.Title", "Nazwa zadania może mieć najwyżej 1000 znaków.");
        if (NewTask.Owner?.Trim().Length > 300) ModelState.AddModelError("NewTask.Owner", "Nazwa odpowiedzialnego może mieć najwyżej 300 znaków.");
        var range = new ScheduleTaskChange(ScheduleQueries.StatusText(ScheduleTaskStatus.Planned), NewTask.From, NewTask.To, NewTask.Owner, null);
        var rangeErrors = range.Validate(schedule, out _, out var from, out var to);
        foreach (var (field, messages) in rangeErrors)
            foreach (var m in messages) ModelState.AddModelError($"NewTask.{char.ToUpperInvariant(field[0])}{field[1..]}", m);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();

        var position = await db.Set<ScheduleTask>().CountAsync(t => t.PhaseId == NewTask.PhaseId, ct);
        var owner = string.IsNullOrWhiteSpace(NewTask.Owner) ? null : NewTask.Owner.Trim();
        var task = new ScheduleTask(id, NewTask.PhaseId!.Value, position, title, from, to, owner, ScheduleTaskStatus.Planned, null);
        db.Add(task);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/harmonogramy/{id}?dodano=zadanie#t-{task.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await schedules.GetAsync(id, ct) is not { } schedule) return false;
        Schedule = schedule;
        if (schedule.PlanId is { } planId)
            PlanTitle = await db.Set<Plan>().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return true;
    }
}
