using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
            .WithSummary("Changes a task's status (planned, inProgress, done), quarters, owner, note or title (omitted: kept); reminders follow")
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
        return outcome.Added is { } s
            ? TypedResults.Created($"{http.PathBase}/api/v1/schedules/{s.Id}", ScheduleQueries.Summary(s))
            : TypedResults.ValidationProblem(outcome.Errors, title: Refused);
    }

    private static async Task<Results<Created<SchedulePhaseDto>, NotFound, ValidationProblem>> AddPhaseAsync(
        Guid id, NewPhaseRequest request, ScheduleAuthoring authoring, HttpRequest http, CancellationToken ct) =>
        await authoring.AddPhaseAsync(id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Added: { } p } => TypedResults.Created($"{http.PathBase}/api/v1/schedules/{id}", new SchedulePhaseDto(p.Id, p.Code, p.Title, p.Details, [])),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<Created<ScheduleTaskDto>, NotFound, ValidationProblem>> AddTaskAsync(
        Guid id, NewTaskRequest request, ScheduleAuthoring authoring, HttpRequest http, CancellationToken ct) =>
        await authoring.AddTaskAsync(id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Added: { } t } => TypedResults.Created($"{http.PathBase}/api/v1/schedules/{id}", ScheduleQueries.Task(t)),
            var refused => TypedResults.ValidationProblem(refused.Errors, title: Refused),
        };

    private static async Task<Results<NoContent, NotFound>> DeleteTaskAsync(Guid id, Guid taskId, ScheduleAuthoring authoring, CancellationToken ct) =>
        await authoring.DeleteTaskAsync(id, taskId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> GetAsync(Guid id, ScheduleQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleTaskDto>, NotFound, ValidationProblem>> UpdateTaskAsync(
        Guid id, Guid taskId, ScheduleTaskChange change, EsRegionsDbContext db, ScheduleReminders reminders, CancellationToken ct)
    {
        var schedule = await db.Set<PlanSchedule>().FirstOrDefaultAsync(s => s.Id == id, ct);
        var task = await db.Set<ScheduleTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ScheduleId == id, ct);
        if (schedule is null || task is null) return TypedResults.NotFound();
        var errors = change.Validate(schedule, out var status, out var from, out var to);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The change is invalid; nothing was changed.");
        task.Update(status, from, to, change.Owner, change.Note, change.Title);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ScheduleQueries.Task(task));
    }
}
