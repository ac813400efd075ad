using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>A new drafting schedule: title, the plan it prepares (optional), first and last quarter ("2027-Q1"), heading.</summary>
public sealed record NewScheduleRequest(string? Title, Guid? PlanId, string? From, string? To, string? Heading = null);

/// <summary>A new phase of a schedule: its mark ("II") and name.</summary>
public sealed record NewPhaseRequest(string? Code, string? Title);

/// <summary>A new task of a schedule's phase: name, quarters within the schedule (both or neither) and who is responsible.</summary>
public sealed record NewTaskRequest(Guid? PhaseId, string? Title, string? From, string? To, string? Owner = null);

/// <summary>What an authoring step added, or its refusals by field (camelCase, Polish messages that are keys of the interface's texts).</summary>
public sealed record Authored<T>(T? Added, Dictionary<string, string[]> Errors) where T : class
{
    public static Authored<T> Refused(Dictionary<string, string[]> errors) => new(null, errors);
}

/// <summary>
/// Staff make a drafting schedule in the app, from the API and the pages alike: a schedule, its phases, its tasks (whose
/// end-quarter reminder is scheduled as for the loaded ones) and the deletion of a task added by mistake. Nothing is
/// stored when a step is refused. Null: no such schedule (or task) in this region.
/// </summary>
public sealed class ScheduleAuthoring(EsRegionsDbContext db, ScheduleReminders reminders)
{
    /// <summary>The longest schedule: ten years of quarters (the grid has a column for each).</summary>
    public const int MaxQuarters = 40;

    public async Task<Authored<PlanSchedule>> CreateAsync(NewScheduleRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["Podaj tytuł harmonogramu."];
        else if (title.Length > 500) errors["title"] = ["Tytuł może mieć najwyżej 500 znaków."];
        if (r.Heading?.Trim().Length > 500) errors["heading"] = ["Nagłówek może mieć najwyżej 500 znaków."];
        if (r.PlanId is { } planId && !await db.Set<Plan>().AnyAsync(p => p.Id == planId, ct)) errors["planId"] = ["Wybierz plan tego regionu albo żaden."];
        var from = Quarter.TryParse(r.From?.Trim());
        var to = Quarter.TryParse(r.To?.Trim());
        if (from is null) errors["from"] = ["Wybierz pierwszy kwartał harmonogramu."];
        if (to is null) errors["to"] = ["Wybierz ostatni kwartał harmonogramu."];
        else if (from is { } f && to < f) errors["to"] = ["Kwartał końcowy nie może być wcześniejszy niż początkowy."];
        else if (from is { } g && Quarter.Range(g, to.Value).Count() > MaxQuarters) errors["to"] = ["Harmonogram może obejmować najwyżej 10 lat (40 kwartałów)."];
        if (errors.Count > 0) return Authored<PlanSchedule>.Refused(errors);

        var schedule = new PlanSchedule(r.PlanId, title, string.IsNullOrWhiteSpace(r.Heading) ? null : r.Heading.Trim(), from!.Value, to!.Value,
            source: null, notes: [], sourceFile: null);
        db.Add(schedule);
        await db.SaveChangesAsync(ct);
        return new(schedule, errors);
    }

    public async Task<Authored<SchedulePhase>?> AddPhaseAsync(Guid scheduleId, NewPhaseRequest r, CancellationToken ct)
    {
        if (!await db.Set<PlanSchedule>().AnyAsync(s => s.Id == scheduleId, ct)) return null;
        var errors = new Dictionary<string, string[]>();
        var (code, title) = (r.Code?.Trim() ?? "", r.Title?.Trim() ?? "");
        if (code.Length == 0) errors["code"] = ["Podaj oznaczenie etapu, np. „II”."];
        else if (code.Length > 20) errors["code"] = ["Oznaczenie etapu może mieć najwyżej 20 znaków."];
        if (title.Length == 0) errors["title"] = ["Podaj nazwę etapu."];
        else if (title.Length > 500) errors["title"] = ["Nazwa etapu może mieć najwyżej 500 znaków."];
        if (errors.Count > 0) return Authored<SchedulePhase>.Refused(errors);

        var phase = new SchedulePhase(scheduleId, await db.Set<SchedulePhase>().CountAsync(p => p.ScheduleId == scheduleId, ct), code, title, []);
        db.Add(phase);
        await db.SaveChangesAsync(ct);
        return new(phase, errors);
    }

    public async Task<Authored<ScheduleTask>?> AddTaskAsync(Guid scheduleId, NewTaskRequest r, CancellationToken ct)
    {
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == scheduleId, ct) is not { } schedule) return null;
        var title = r.Title?.Trim() ?? "";
        var owner = string.IsNullOrWhiteSpace(r.Owner) ? null : r.Owner.Trim();
        // The name and quarters are checked as a task's change is (a name; within the schedule, both or neither, in order).
        var errors = new ScheduleTaskChange(ScheduleQueries.StatusText(ScheduleTaskStatus.Planned), r.From, r.To, owner, null, title)
            .Validate(schedule, out _, out var from, out var to);
        if (r.PhaseId is not { } phaseId || !await db.Set<SchedulePhase>().AnyAsync(p => p.Id == phaseId && p.ScheduleId == scheduleId, ct))
            errors["phaseId"] = ["Wybierz etap tego harmonogramu."];
        if (owner?.Length > 300) errors["owner"] = ["Nazwa odpowiedzialnego może mieć najwyżej 300 znaków."];
        if (errors.Count > 0) return Authored<ScheduleTask>.Refused(errors);

        var position = await db.Set<ScheduleTask>().CountAsync(t => t.PhaseId == r.PhaseId, ct);
        var task = new ScheduleTask(scheduleId, r.PhaseId!.Value, position, title, from, to, owner, ScheduleTaskStatus.Planned, null);
        db.Add(task);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return new(task, errors);
    }

    /// <summary>Deletes a task and cancels its reminders still to go out; false: no such task in this schedule.</summary>
    public async Task<bool> DeleteTaskAsync(Guid scheduleId, Guid taskId, CancellationToken ct)
    {
        if (await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == scheduleId, ct) is not { } task) return false;
        await reminders.CancelAsync(task, ct);
        db.Remove(task);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
