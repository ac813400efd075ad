using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>A new drafting schedule: title, the plan it prepares (optional), first and last quarter ("2027-Q1"), heading.</summary>
public sealed record NewScheduleRequest(string? Title, Guid? PlanId, string? From, string? To, string? Heading = null);

/// <summary>A new phase of a schedule: its mark ("II") and name.</summary>
public sealed record NewPhaseRequest(string? Code, string? Title);

/// <summary>A phase's corrected mark and name, and its place among the schedule's phases (0 first; omitted: kept).</summary>
public sealed record PhaseChange(string? Code, string? Title, int? Position = null);

/// <summary>A new task of a schedule's phase: name, quarters within the schedule (both or neither) and who is responsible.</summary>
public sealed record NewTaskRequest(Guid? PhaseId, string? Title, string? From, string? To, string? Owner = null);

public enum ScheduleDeletion { Deleted, NotFound, LoadedFromFile }

/// <summary>What an authoring step added or changed, or its refusals by field (camelCase, Polish messages that are keys of the interface's texts).</summary>
public sealed record Authored<T>(T? Result, Dictionary<string, string[]> Errors) where T : class
{
    public static Authored<T> Refused(Dictionary<string, string[]> errors) => new(null, errors);
}

/// <summary>
/// Staff make and correct a drafting schedule in the app, from the API and the pages alike: the schedule (title, plan,
/// quarters), its phases (mark, name, order), its tasks (whose end-quarter reminder is scheduled as for the loaded ones
/// and follows every change), and the deletion of any of them, whose reminders still to go out are cancelled. Nothing
/// is stored when a step is refused. Null: no such schedule (phase, task) in this region.
/// </summary>
public sealed class ScheduleAuthoring(EsRegionsDbContext db, ScheduleReminders reminders)
{
    /// <summary>The longest schedule: ten years of quarters (the grid has a column for each).</summary>
    public const int MaxQuarters = 40;

    public async Task<Authored<PlanSchedule>> CreateAsync(NewScheduleRequest r, CancellationToken ct)
    {
        var (errors, title, heading, from, to) = await CheckAsync(r, ct);
        if (errors.Count > 0) return Authored<PlanSchedule>.Refused(errors);

        var schedule = new PlanSchedule(r.PlanId, title, heading, from, to, source: null, notes: [], sourceFile: null);
        db.Add(schedule);
        await db.SaveChangesAsync(ct);
        return new(schedule, errors);
    }

    /// <summary>
    /// Corrects the schedule's title, plan, heading and quarters (a schedule loaded from tenants/ too: the file is not
    /// read again once loaded). Quarters that would leave a task outside the schedule are refused; <see cref="TasksOutsideAsync"/>
    /// names those tasks for the page.
    /// </summary>
    public async Task<Authored<PlanSchedule>?> ChangeAsync(Guid id, NewScheduleRequest r, CancellationToken ct)
    {
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule) return null;
        var (errors, title, heading, from, to) = await CheckAsync(r, ct);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && await TasksOutsideAsync(id, from, to, ct) is [var first, ..])
            errors[first.From < from ? "from" : "to"] = ["Niektóre zadania wykraczają poza te kwartały; zmień najpierw ich kwartały."];
        if (errors.Count > 0) return Authored<PlanSchedule>.Refused(errors);

        schedule.Change(r.PlanId, title, heading, from, to);
        await db.SaveChangesAsync(ct);
        return new(schedule, errors);
    }

    /// <summary>The schedule's tasks whose quarters are not all within <paramref name="from"/>–<paramref name="to"/>, in the grid's order.</summary>
    public async Task<List<ScheduleTask>> TasksOutsideAsync(Guid id, Quarter from, Quarter to, CancellationToken ct)
    {
        var phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == id).Select(p => new { p.Id, p.Position }).ToDictionaryAsync(p => p.Id, p => p.Position, ct);
        return (await db.Set<ScheduleTask>().Where(t => t.ScheduleId == id && t.From != null).ToListAsync(ct))
            .Where(t => t.From < from || t.To > to).OrderBy(t => phases.GetValueOrDefault(t.PhaseId)).ThenBy(t => t.Position).ToList();
    }

    /// <summary>
    /// Deletes the schedule with its phases and tasks; the tasks' reminders still to go out are cancelled. A schedule
    /// loaded from the region's files (tenants/) is not deleted: the loader would bring it back at the next start.
    /// </summary>
    public async Task<ScheduleDeletion> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule) return ScheduleDeletion.NotFound;
        if (schedule.SourceFile is not null) return ScheduleDeletion.LoadedFromFile;
        await RemoveTasksAsync(await db.Set<ScheduleTask>().Where(t => t.ScheduleId == id).ToListAsync(ct), ct);
        db.RemoveRange(await db.Set<SchedulePhase>().Where(p => p.ScheduleId == id).ToListAsync(ct));
        db.Remove(schedule);
        await db.SaveChangesAsync(ct);
        return ScheduleDeletion.Deleted;
    }

    private async Task<(Dictionary<string, string[]> Errors, string Title, string? Heading, Quarter From, Quarter To)> CheckAsync(
        NewScheduleRequest r, CancellationToken ct)
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
        return (errors, title, string.IsNullOrWhiteSpace(r.Heading) ? null : r.Heading.Trim(), from ?? default, to ?? default);
    }

    public async Task<Authored<SchedulePhase>?> AddPhaseAsync(Guid scheduleId, NewPhaseRequest r, CancellationToken ct)
    {
        if (!await db.Set<PlanSchedule>().AnyAsync(s => s.Id == scheduleId, ct)) return null;
        var (errors, code, title) = CheckPhase(r.Code, r.Title);
        if (errors.Count > 0) return Authored<SchedulePhase>.Refused(errors);

        var phase = new SchedulePhase(scheduleId, await db.Set<SchedulePhase>().CountAsync(p => p.ScheduleId == scheduleId, ct), code, title, []);
        db.Add(phase);
        await db.SaveChangesAsync(ct);
        return new(phase, errors);
    }

    /// <summary>Renames a phase and, when a position is given, moves it there (the others keep their order around it).</summary>
    public async Task<Authored<SchedulePhase>?> ChangePhaseAsync(Guid scheduleId, Guid phaseId, PhaseChange r, CancellationToken ct)
    {
        var phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == scheduleId).OrderBy(p => p.Position).ToListAsync(ct);
        if (phases.FirstOrDefault(p => p.Id == phaseId) is not { } phase) return null;
        var (errors, code, title) = CheckPhase(r.Code, r.Title);
        if (r.Position is < 0 || r.Position >= phases.Count)
            errors["position"] = ["Miejsce etapu to liczba od 0 (pierwszy) do liczby etapów bez jednego (ostatni)."];
        if (errors.Count > 0) return Authored<SchedulePhase>.Refused(errors);

        phase.Rename(code, title);
        if (r.Position is { } position)
        {
            phases.Remove(phase);
            phases.Insert(position, phase);
        }
        Renumber(phases);
        await db.SaveChangesAsync(ct);
        return new(phase, errors);
    }

    /// <summary>
    /// Moves a phase to the place <paramref name="target"/> gives for its current one (0 first: <c>i =&gt; i - 1</c> one
    /// up, <c>_ =&gt; 0</c> first); false: no such phase, or no such place.
    /// </summary>
    public async Task<bool> MovePhaseAsync(Guid scheduleId, Guid phaseId, Func<int, int> target, CancellationToken ct)
    {
        var phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == scheduleId).OrderBy(p => p.Position).ToListAsync(ct);
        if (phases.FirstOrDefault(p => p.Id == phaseId) is not { } phase) return false;
        var position = target(phases.IndexOf(phase));
        if (position < 0 || position >= phases.Count) return false;
        phases.Remove(phase);
        phases.Insert(position, phase);
        Renumber(phases);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes a phase with its tasks (their reminders still to go out cancelled); the later phases move up.</summary>
    public async Task<bool> DeletePhaseAsync(Guid scheduleId, Guid phaseId, CancellationToken ct)
    {
        var phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == scheduleId).OrderBy(p => p.Position).ToListAsync(ct);
        if (phases.FirstOrDefault(p => p.Id == phaseId) is not { } phase) return false;
        await RemoveTasksAsync(await db.Set<ScheduleTask>().Where(t => t.PhaseId == phaseId).ToListAsync(ct), ct);
        db.Remove(phase);
        phases.Remove(phase);
        Renumber(phases);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static (Dictionary<string, string[]> Errors, string Code, string Title) CheckPhase(string? code, string? title)
    {
        var errors = new Dictionary<string, string[]>();
        (code, title) = (code?.Trim() ?? "", title?.Trim() ?? "");
        if (code.Length == 0) errors["code"] = ["Podaj oznaczenie etapu, np. „II”."];
        else if (code.Length > 20) errors["code"] = ["Oznaczenie etapu może mieć najwyżej 20 znaków."];
        if (title.Length == 0) errors["title"] = ["Podaj nazwę etapu."];
        else if (title.Length > 500) errors["title"] = ["Nazwa etapu może mieć najwyżej 500 znaków."];
        return (errors, code, title);
    }

    private static void Renumber(List<SchedulePhase> phases)
    {
        for (var i = 0; i < phases.Count; i++)
            if (phases[i].Position != i) phases[i].MoveTo(i);
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

        var task = new ScheduleTask(scheduleId, r.PhaseId!.Value, await NextPositionAsync(r.PhaseId.Value, ct), title, from, to, owner, ScheduleTaskStatus.Planned, null);
        db.Add(task);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return new(task, errors);
    }

    /// <summary>
    /// Changes a task's status, quarters, owner, note, name, phase (another phase: the task goes to its end) or place
    /// among its phase's tasks (0 first); its reminder follows (rescheduled, renamed, or cancelled once it is done).
    /// </summary>
    public async Task<Authored<ScheduleTask>?> ChangeTaskAsync(Guid scheduleId, Guid taskId, ScheduleTaskChange change, CancellationToken ct)
    {
        if (await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == scheduleId, ct) is not { } schedule) return null;
        if (await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == scheduleId, ct) is not { } task) return null;
        var errors = change.Validate(schedule, out var status, out var from, out var to);
        var phaseId = change.PhaseId ?? task.PhaseId;
        if (phaseId != task.PhaseId && !await db.Set<SchedulePhase>().AnyAsync(p => p.Id == phaseId && p.ScheduleId == scheduleId, ct))
            errors["phaseId"] = ["Wybierz etap tego harmonogramu."];
        if (change.Owner?.Trim().Length > 300) errors["owner"] = ["Nazwa odpowiedzialnego może mieć najwyżej 300 znaków."];
        var others = await db.Set<ScheduleTask>().Where(t => t.PhaseId == phaseId && t.Id != taskId).OrderBy(t => t.Position).ToListAsync(ct);
        if (change.Position is < 0 || change.Position > others.Count)
            errors["position"] = ["Miejsce zadania to liczba od 0 (pierwsze w etapie) do liczby zadań etapu bez jednego (ostatnie)."];
        if (errors.Count > 0) return Authored<ScheduleTask>.Refused(errors);

        task.Update(status, from, to, change.Owner, change.Note, change.Title);
        if (phaseId != task.PhaseId || change.Position is not null)
            Place(task, phaseId, others, change.Position ?? others.Count);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return new(task, errors);
    }

    /// <summary>
    /// Moves a task among its phase's tasks to the place <paramref name="target"/> gives for its current one (as
    /// <see cref="MovePhaseAsync"/>); false: no such task, or no such place.
    /// </summary>
    public async Task<bool> MoveTaskAsync(Guid scheduleId, Guid taskId, Func<int, int> target, CancellationToken ct)
    {
        if (await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == scheduleId, ct) is not { } task) return false;
        var tasks = await db.Set<ScheduleTask>().Where(t => t.PhaseId == task.PhaseId).OrderBy(t => t.Position).ToListAsync(ct);
        var position = target(tasks.IndexOf(task));
        if (position < 0 || position >= tasks.Count) return false;
        tasks.Remove(task);
        Place(task, task.PhaseId, tasks, position);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Puts <paramref name="task"/> at <paramref name="position"/> among <paramref name="others"/> of the phase and numbers them all from 0.</summary>
    private static void Place(ScheduleTask task, Guid phaseId, List<ScheduleTask> others, int position)
    {
        others.Insert(position, task);
        for (var i = 0; i < others.Count; i++)
            if (others[i].Position != i || others[i].PhaseId != phaseId) others[i].MoveTo(phaseId, i);
    }

    /// <summary>Deletes a task and cancels its reminders still to go out; false: no such task in this schedule.</summary>
    public async Task<bool> DeleteTaskAsync(Guid scheduleId, Guid taskId, CancellationToken ct)
    {
        if (await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == scheduleId, ct) is not { } task) return false;
        await RemoveTasksAsync([task], ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task RemoveTasksAsync(IReadOnlyList<ScheduleTask> tasks, CancellationToken ct)
    {
        foreach (var task in tasks) await reminders.CancelAsync(task, ct);
        db.RemoveRange(tasks);
    }

    /// <summary>After the phase's last task (positions may have gaps where tasks were deleted or moved away).</summary>
    private async Task<int> NextPositionAsync(Guid phaseId, CancellationToken ct) =>
        (await db.Set<ScheduleTask>().Where(t => t.PhaseId == phaseId).MaxAsync(t => (int?)t.Position, ct) ?? -1) + 1;
}
