using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>
/// Reminders of a schedule task's end (kind "scheduleTaskDue" in tenant.json): due on the last day of the task's end
/// quarter, while the task is not done and its quarters are known; cancelled when it is done.
/// </summary>
public sealed class ScheduleReminders(Reminders reminders)
{
    public const string Kind = "scheduleTaskDue";
    public const string SubjectType = "scheduleTask";

    public async Task SyncAsync(ScheduleTask task, CancellationToken ct)
    {
        if (task.Status == ScheduleTaskStatus.Done || task.To is null)
        {
            await CancelAsync(task, ct);
            return;
        }
        await reminders.RescheduleAsync(new ReminderRequest(Kind, SubjectType, task.Id, task.Title, task.To.Value.LastDay,
            $"harmonogramy/{task.ScheduleId}", [], ScheduleTaskAudience.RuleName), ct);
    }

    /// <summary>The task's reminders still to go out will not (it is done, has no end quarter, or is deleted).</summary>
    public Task CancelAsync(ScheduleTask task, CancellationToken ct) => reminders.CancelAsync(SubjectType, task.Id, Kind, ct);
}

/// <summary>The region's staff (Staff and TenantAdmin members) at the time the reminder fires: they run the drafting.</summary>
public sealed class ScheduleTaskAudience(EsRegionsDbContext db) : IReminderAudience
{
    public const string RuleName = "regionStaff";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct) =>
        await (from m in db.Set<TenantMembership>()
               join u in db.Set<AppUser>() on m.UserId equals u.Id
               where m.IsActive && u.IsActive && u.Email != null
                     && (m.Roles.Contains(Policies.Roles.Staff) || m.Roles.Contains(Policies.Roles.TenantAdmin))
               orderby u.Email
               select new EmailAddress(u.Email!, u.DisplayName)).ToListAsync(ct);
}
