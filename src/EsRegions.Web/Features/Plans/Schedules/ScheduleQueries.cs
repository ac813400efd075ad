using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

public sealed record ScheduleSummaryDto(Guid Id, string Title, Guid? PlanId, string From, string To);
public sealed record ScheduleDto(Guid Id, string Title, string? Heading, Guid? PlanId, string From, string To, IReadOnlyList<string> Quarters,
    string? Source, IReadOnlyList<string> Notes, IReadOnlyList<SchedulePhaseDto> Phases);
public sealed record SchedulePhaseDto(Guid Id, string Code, string Title, IReadOnlyList<string> Details, IReadOnlyList<ScheduleTaskDto> Tasks);
public sealed record ScheduleTaskDto(Guid Id, string Title, string? From, string? To, string? Owner, string Status, string? Note);

/// <summary>Reads of drafting schedules shared by the API and the pages.</summary>
public sealed class ScheduleQueries(EsRegionsDbContext db)
{
    public async Task<List<ScheduleSummaryDto>> ListAsync(CancellationToken ct) =>
        (await db.Set<PlanSchedule>().OrderBy(s => s.Title).ToListAsync(ct)).Select(Summary).ToList();

    public async Task<ScheduleDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Set<PlanSchedule>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var phases = await db.Set<SchedulePhase>().Where(p => p.ScheduleId == id).OrderBy(p => p.Position).ToListAsync(ct);
        var tasks = (await db.Set<ScheduleTask>().Where(t => t.ScheduleId == id).OrderBy(t => t.Position).ToListAsync(ct)).ToLookup(t => t.PhaseId);
        return new ScheduleDto(s.Id, s.Title, s.Heading, s.PlanId, s.From.ToString(), s.To.ToString(), s.Quarters.Select(q => q.ToString()).ToList(),
            s.Source, s.Notes, phases.Select(p => new SchedulePhaseDto(p.Id, p.Code, p.Title, p.Details, tasks[p.Id].Select(Task).ToList())).ToList());
    }

    public static ScheduleSummaryDto Summary(PlanSchedule s) => new(s.Id, s.Title, s.PlanId, s.From.ToString(), s.To.ToString());

    public static ScheduleTaskDto Task(ScheduleTask t) =>
        new(t.Id, t.Title, t.From?.ToString(), t.To?.ToString(), t.Owner, StatusText(t.Status), t.Note);

    public static string StatusText(ScheduleTaskStatus s) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());

    /// <summary>The statuses as the API, the files and the forms write them, in their order: planned, inProgress, done.</summary>
    public static IReadOnlyList<string> StatusTexts => statusTexts;

    private static readonly string[] statusTexts = Enum.GetValues<ScheduleTaskStatus>().Select(StatusText).ToArray();

    /// <summary>The status written as <see cref="StatusTexts"/> has it (case matters), else null.</summary>
    public static ScheduleTaskStatus? ParseStatus(string? s) =>
        Array.IndexOf(statusTexts, s) is var i and >= 0 ? Enum.GetValues<ScheduleTaskStatus>()[i] : null;
}

/// <summary>
/// A change to a task by staff (API body and page form alike); <see cref="Title"/> null keeps the task's name,
/// <see cref="PhaseId"/> null keeps its phase (another phase of the schedule: the task moves to its end), <see cref="Position"/>
/// null keeps its place (else 0 first among the phase's tasks).
/// </summary>
public sealed record ScheduleTaskChange(string? Status, string? From, string? To, string? Owner, string? Note, string? Title = null, Guid? PhaseId = null,
    int? Position = null)
{
    /// <summary>Checks the change against the schedule; errors are keyed by field name (status, from, to, title).</summary>
    public Dictionary<string, string[]> Validate(PlanSchedule schedule, out ScheduleTaskStatus status, out Quarter? from, out Quarter? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (Title is not null && Title.Trim().Length == 0) errors["title"] = ["Podaj nazwę zadania."];
        else if (Title?.Trim().Length > 1000) errors["title"] = ["Nazwa zadania może mieć najwyżej 1000 znaków."];
        var parsed = ScheduleQueries.ParseStatus(Status);
        if (parsed is null) errors["status"] = ["Wybierz status: planned (planowane), inProgress (w toku) albo done (wykonane)."];
        status = parsed ?? ScheduleTaskStatus.Planned;
        from = Parse(From, "from", schedule, errors);
        to = Parse(To, "to", schedule, errors);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (from.HasValue != to.HasValue) errors[from is null ? "from" : "to"] = ["Podaj oba kwartały (od i do) albo żaden."];
            else if (from > to) errors["to"] = ["Kwartał końcowy nie może być wcześniejszy niż początkowy."];
        }
        return errors;
    }

    private static Quarter? Parse(string? text, string field, PlanSchedule schedule, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var q = Quarter.TryParse(text.Trim());
        if (q is null) errors[field] = [$"„{text}” nie jest kwartałem (rrrr-Qn, np. 2019-Q3)."];
        else if (!schedule.Covers(q.Value)) errors[field] = [$"Kwartał {q.Value.Display} leży poza harmonogramem ({schedule.From.Display} – {schedule.To.Display})."];
        return q;
    }
}
