using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>Drafting schedules (harmonogram opracowania planu): read by members; made (schedule, phases, tasks) and changed by staff.</summary>
internal static class SchedulesApi
{
    public static RouteGroupBuilder MapSchedulesApi(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Plans");
        schedules.MapGet("/", (ScheduleQueries q, CancellationToken ct) => q.ListAsync(ct)).WithName("ListSchedules")
            .WithSummary("The region's plan drafting schedules");
        schedules.MapGet("/{id:guid}", GetAsync).WithName("GetSchedule")
            .WithSummary("A drafting schedule: its quarters, phases and tasks (quarters null where the source does not say)");
        schedules.MapPut("/{id:guid}/tasks/{taskId:guid}", UpdateTaskAsync).WithName("UpdateScheduleTask")
            .WithSummary("Changes a task's status (planned, inProgress, done), quarters, owner, note, title, phaseId or position (title, phaseId, position "
                + "omitted: kept; another phase: the task moves to its end; position 0 first in its phase); reminders follow")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapPost("/", CreateAsync).WithName("CreateSchedule")
            .WithSummary("Starts a drafting schedule (quarters yyyy-Qn, at most 40; planId optional); 201 with Location, 400 naming each field")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapPost("/{id:guid}/phases", AddPhaseAsync).WithName("AddSchedulePhase")
            .WithSummary("Adds a phase (code such as \"II\", title) after the schedule's last one")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapPost("/{id:guid}/tasks", AddTaskAsync).WithName("AddScheduleTask")
            .WithSummary("Adds a planned task to a phase (quarters within the schedule, both or neither); its end reminder is scheduled")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateSchedule")
            .WithSummary("Corrects a schedule's title, planId, heading and quarters (all as when starting it); 400 when a task would fall outside the quarters")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteSchedule")
            .WithSummary("Deletes a schedule with its phases and tasks; the tasks' reminders still to go out are cancelled. 409 for one loaded from the region's files")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapPut("/{id:guid}/phases/{phaseId:guid}", UpdatePhaseAsync).WithName("UpdateSchedulePhase")
            .WithSummary("Renames a phase (code, title) and, with position (0 first), moves it among the schedule's phases")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapDelete("/{id:guid}/phases/{phaseId:guid}", DeletePhaseAsync).WithName("DeleteSchedulePhase")
            .WithSummary("Deletes a phase with its tasks; their reminders still to go out are cancelled")
            .RequireAuthorization(Policies.TenantStaff);
        schedules.MapDelete("/{id:guid}/tasks/{taskId:guid}", DeleteTaskAsync).WithName("DeleteScheduleTask")
            .WithSummary("Deletes a task; its reminders still to go out are cancelled")
            .RequireAuthorization(Policies.TenantStaff);
        return api;
    }

    private const string Refused = "The schedule was not changed.";

    private static async Task<Results<Created<ScheduleSummaryDto>, ValidationProblem>> CreateAsync(
        NewScheduleRequest request, ScheduleAuthoring authoring, HttpRequest http, CancellationToken ct)
    {
        var outcome = await authoring.CreateAsync(request, ct);
        return outcome.Result is { } s
            ? TypedResults.Created($"{http.PathBase}/api/v1/schedules/{s.Id}", ScheduleQueries.Summary(s))
            : TypedResults.ValidationProblem(outcome.Errors, title: Refused);
    }

    private static async Task<Results<Created<SchedulePhaseDto>, NotFound, ValidationProblem>> AddPhaseAsync(
        Guid id, NewPhaseRequest request, ScheduleAuthoring authoring, HttpRequest http, CancellationToken ct) =>
        await authoring.AddPhaseAsync(id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Result: { } p } => TypedResults.Created($"{http.PathBase}/api/v1/schedules/{id}", new SchedulePhaseDto(p.Id, p.Code, p.Title, p.Details, [])),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<Created<ScheduleTaskDto>, NotFound, ValidationProblem>> AddTaskAsync(
        Guid id, NewTaskRequest request, ScheduleAuthoring authoring, HttpRequest http, CancellationToken ct) =>
        await authoring.AddTaskAsync(id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Result: { } t } => TypedResults.Created($"{http.PathBase}/api/v1/schedules/{id}", ScheduleQueries.Task(t)),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<Ok<ScheduleSummaryDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, NewScheduleRequest request, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.ChangeAsync(id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Result: { } s } => TypedResults.Ok(ScheduleQueries.Summary(s)),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(Guid id, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.DeleteAsync(id, ct) switch
        {
            ScheduleDeletion.Deleted => TypedResults.NoContent(),
            ScheduleDeletion.LoadedFromFile => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The schedule was not deleted.",
                detail: FromFileRefusal),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Why a schedule loaded from the region's files is not deleted (the page says it too).</summary>
    public const string FromFileRefusal = "Harmonogram wczytano z danych regionu (tenants/); usunięty, wróciłby przy następnym uruchomieniu, więc się go nie usuwa.";

    private static async Task<Results<Ok<SchedulePhaseDto>, NotFound, ValidationProblem>> UpdatePhaseAsync(
        Guid id, Guid phaseId, PhaseChange change, ScheduleAuthoring authoring, ScheduleQueries q, CancellationToken ct) =>
        await authoring.ChangePhaseAsync(id, phaseId, change, ct) switch
        {
            null => TypedResults.NotFound(),
            { Result: not null } => TypedResults.Ok((await q.GetAsync(id, ct))!.Phases.Single(p => p.Id == phaseId)),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<NoContent, NotFound>> DeletePhaseAsync(Guid id, Guid phaseId, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.DeletePhaseAsync(id, phaseId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteTaskAsync(Guid id, Guid taskId, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.DeleteTaskAsync(id, taskId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> GetAsync(Guid id, ScheduleQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleTaskDto>, NotFound, ValidationProblem>> UpdateTaskAsync(
        Guid id, Guid taskId, ScheduleTaskChange change, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.ChangeTaskAsync(id, taskId, change, ct) switch
        {
            null => TypedResults.NotFound(),
            { Result: { } t } => TypedResults.Ok(ScheduleQueries.Task(t)),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: "The change is invalid; nothing was changed."),
        };
}
