using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>Staff change a schedule task's name, phase, status, quarters, owner or note, or delete it; its reminders follow the change.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class EditScheduleTaskModel(EsRegionsDbContext db, ScheduleAuthoring authoring) : PageModel
{
    public sealed class Input
    {
        public string? Status { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Owner { get; set; }
        public string? Note { get; set; }
        public string? Title { get; set; }
        public Guid? PhaseId { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public PlanSchedule Schedule { get; private set; } = null!;
    public ScheduleTask Item { get; private set; } = null!;
    public IReadOnlyList<SchedulePhase> Phases { get; private set; } = [];

    /// <summary>The task's place in its phase (1 first) and how many tasks the phase has.</summary>
    public (int Place, int Of) InPhase { get; private set; }

    /// <summary>Set ("tak") after the task moved: the page says its new place, once.</summary>
    [BindProperty(SupportsGet = true, Name = "przeniesiono")] public string? Moved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        if (!await LoadAsync(id, taskId, ct)) return NotFound();
        Form = new Input
        {
            Status = ScheduleQueries.StatusText(Item.Status), From = Item.From?.ToString(), To = Item.To?.ToString(), Owner = Item.Owner, Note = Item.Note,
            Title = Item.Title, PhaseId = Item.PhaseId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        var change = new ScheduleTaskChange(Form.Status, Form.From, Form.To, Form.Owner, Form.Note, Form.Title ?? "", Form.PhaseId);
        if (await authoring.ChangeTaskAsync(id, taskId, change, ct) is not { } outcome) return NotFound();
        if (outcome.Result is not null) return Redirect($"{Request.PathBase}/harmonogramy/{id}#t-{taskId}");
        ModelState.AddFieldErrors("Form", outcome.Errors);
        return await LoadAsync(id, taskId, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// One place up (<paramref name="direction"/> "gora") or down ("dol") in its phase, or to <paramref name="place"/> (1
    /// first); the page stays open for the next move.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid taskId, string? direction, int? place, CancellationToken ct)
    {
        if (!await authoring.MoveTaskAsync(id, taskId, PlaceInOrder.Target(direction, place), ct) && !await LoadAsync(id, taskId, ct)) return NotFound();
        return Redirect($"{Request.PathBase}/harmonogramy/{id}/zadania/{taskId}?przeniesiono=tak");
    }

    /// <summary>A task added by mistake is deleted, and its reminder with it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        if (!await authoring.DeleteTaskAsync(id, taskId, ct)) return NotFound();
        return Redirect($"{Request.PathBase}/harmonogramy/{id}?usunieto=zadanie");
    }

    private async Task<bool> LoadAsync(Guid id, Guid taskId, CancellationToken ct)
    {
        Schedule = (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct))!;
        Item = (await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == id, ct))!;
        if (Schedule is null || Item is null) return false;
        Phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == id).OrderBy(p => p.Position).ToListAsync(ct);
        var siblings = await db.Set<ScheduleTask>().Where(t => t.PhaseId == Item.PhaseId).OrderBy(t => t.Position).Select(t => t.Id).ToListAsync(ct);
        InPhase = (siblings.IndexOf(taskId) + 1, siblings.Count);
        return true;
    }
}
