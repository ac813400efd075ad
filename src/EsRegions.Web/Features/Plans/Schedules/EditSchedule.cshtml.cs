using EsRegions.Web.Features.Notifications;
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
/// Staff correct a drafting schedule's title, plan, quarters and heading, or delete it after a question (its phases
/// and tasks with it, the tasks' reminders cancelled).
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class EditScheduleModel(EsRegionsDbContext db, ScheduleAuthoring authoring, TimeProvider clock) : PageModel
{
    [BindProperty] public NewScheduleModel.Input Form { get; set; } = new();
    public PlanSchedule Schedule { get; private set; } = null!;
    public int TaskCount { get; private set; }

    /// <summary>After refused quarters: the tasks that lie outside them, to be changed first.</summary>
    public IReadOnlyList<ScheduleTask> Outside { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Plans { get; private set; } = [];

    /// <summary>The quarters offered: the new schedule's choice, widened to the schedule's own quarters.</summary>
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = new NewScheduleModel.Input
        {
            Title = Schedule.Title, PlanId = Schedule.PlanId, From = Schedule.From.ToString(), To = Schedule.To.ToString(), Heading = Schedule.Heading,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await authoring.ChangeAsync(id, new NewScheduleRequest(Form.Title, Form.PlanId, Form.From, Form.To, Form.Heading), ct);
        if (outcome is null) return NotFound();
        if (outcome.Result is not null) return Redirect($"{Request.PathBase}/harmonogramy/{id}?zmieniono=harmonogram");
        ModelState.AddFieldErrors("Form", outcome.Errors);
        if (Quarter.TryParse(Form.From) is { } from && Quarter.TryParse(Form.To) is { } to && from <= to)
            Outside = await authoring.TasksOutsideAsync(id, from, to, ct);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        switch (await authoring.DeleteAsync(id, ct))
        {
            case ScheduleDeletion.Deleted: return Redirect($"{Request.PathBase}/plany?usunieto=harmonogram");
            case ScheduleDeletion.NotFound: return NotFound();
        }
        // Loaded from the region's files: the page offers no deletion; a stale form is answered by the page with its reason.
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddModelError("", SchedulesApi.FromFileRefusal);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule) return false;
        Schedule = schedule;
        TaskCount = await db.Set<ScheduleTask>().CountAsync(t => t.ScheduleId == id, ct);
        // Any plan of the region may be the one drafted, an archived one too when it is already chosen.
        Plans = (await db.Set<Plan>().Where(p => p.Status != PlanStatus.Archived || p.Id == schedule.PlanId)
            .OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        var offered = NewScheduleModel.OfferedQuarters(PolishCalendar.WarsawDate(clock.GetUtcNow()).Year);
        var first = offered[0] < schedule.From ? offered[0] : schedule.From;
        var last = offered[^1] > schedule.To ? offered[^1] : schedule.To;
        Quarters = Quarter.Range(first, last).ToList();
        return true;
    }
}
