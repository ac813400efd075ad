using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>Drafting schedules (harmonogram opracowania planu): read by members, tasks changed by staff.</summary>
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
            .WithSummary("Changes a task's status (planned, inProgress, done), quarters, owner or note; reminders follow")
            .RequireAuthorization(Policies.TenantStaff);
        return api;
    }

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
        task.Update(status, from, to, change.Owner, change.Note);
        await reminders.SyncAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ScheduleQueries.Task(task));
    }
}
