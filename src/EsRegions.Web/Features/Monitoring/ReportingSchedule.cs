using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// A plan's reporting periods: due dates (with their reminders to implementers before and after the date, and the
/// escalation to staff), approval that locks a period, reopening with a reason. Saved by the caller.
/// </summary>
public sealed class ReportingSchedule(EsRegionsDbContext db, Reminders reminders, MonitoringAccess access, TimeProvider clock)
{
    public const string SubjectType = "ReportingPeriod";

    public Task<ReportingPeriod?> FindAsync(Guid planId, ReportingPeriodKey key, CancellationToken ct) =>
        db.Set<ReportingPeriod>().FirstOrDefaultAsync(p => p.PlanId == planId && p.Key == key.ToString(), ct);

    public Task<List<ReportingPeriod>> ListAsync(Guid planId, CancellationToken ct) =>
        db.Set<ReportingPeriod>().Where(p => p.PlanId == planId).OrderBy(p => p.Year).ThenBy(p => p.Quarter ?? 5).ToListAsync(ct);

    /// <summary>An annual period nobody scheduled, created when its first value arrives (no due date, no reminders).</summary>
    public ReportingPeriod AddAnnual(Guid planId, ReportingPeriodKey key)
    {
        var period = new ReportingPeriod(planId, key, null);
        db.Add(period);
        return period;
    }

    /// <summary>Adds the period or changes its due date, and (re)schedules its reminders.</summary>
    public async Task<ReportingPeriod> ScheduleAsync(Plan plan, ReportingPeriodKey key, DateOnly? dueOn, CancellationToken ct)
    {
        if (key.Year < plan.YearFrom || key.Year > plan.YearTo)
            throw new ArgumentOutOfRangeException(nameof(key), $"The plan covers {plan.YearFrom}–{plan.YearTo}.");
        var period = await FindAsync(plan.Id, key, ct);
        if (period is null) db.Add(period = new ReportingPeriod(plan.Id, key, dueOn));
        else period.SetDueDate(dueOn);
        await RemindAsync(plan, period, ct);
        return period;
    }

    public async Task ApproveAsync(Plan plan, ReportingPeriod period, CancellationToken ct)
    {
        period.Approve(access.Actor, clock.GetUtcNow());
        await reminders.CancelAsync(SubjectType, period.Id, ct: ct);
    }

    public async Task ReopenAsync(Plan plan, ReportingPeriod period, string reason, CancellationToken ct)
    {
        period.Reopen(reason, access.Actor, clock.GetUtcNow());
        await RemindAsync(plan, period, ct);
    }

    private async Task RemindAsync(Plan plan, ReportingPeriod period, CancellationToken ct)
    {
        await reminders.CancelAsync(SubjectType, period.Id, ct: ct);
        if (period.DueOn is not { } due || period.IsLocked) return;
        var title = $"{period.PeriodKey.Label} — {plan.Title}";
        var link = $"monitoring/plany/{plan.Id}/okresy/{period.Key}";
        foreach (var (kind, audience) in new[]
                 {
                     ("reportingDue", ReportingAudiences.Implementers), ("reportingOverdue", ReportingAudiences.Implementers),
                     ("reportingEscalation", ReportingAudiences.Staff),
                 })
            await reminders.ScheduleAsync(new ReminderRequest(kind, SubjectType, period.Id, title, due, link, [], audience), ct);
    }
}
