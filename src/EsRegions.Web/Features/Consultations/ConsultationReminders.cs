using System.Globalization;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The consultation's reminders (lead times from tenant.json): "consultationClosing" before the close to participants
/// who have not replied, "consultationClosed" after the close to the region's staff.
/// </summary>
public sealed class ConsultationReminders(Reminders reminders)
{
    public const string SubjectType = "consultation";
    public const string ClosingKind = "consultationClosing";
    public const string ClosedKind = "consultationClosed";

    public async Task ScheduleAsync(Consultation c, CancellationToken ct)
    {
        await reminders.ScheduleAsync(Participants(c), ct);
        await reminders.ScheduleAsync(Staff(c), ct);
    }

    public async Task RescheduleAsync(Consultation c, CancellationToken ct)
    {
        await reminders.RescheduleAsync(Participants(c), ct);
        await reminders.RescheduleAsync(Staff(c), ct);
    }

    /// <summary>
    /// Staff closed the consultation before its planned end: participants are not reminded of a deadline that is gone,
    /// and the staff reminder moves from the planned close to the actual one (due at once, sent by the next sweep).
    /// </summary>
    public async Task ClosedEarlyAsync(Consultation c, CancellationToken ct)
    {
        if (c.ClosedAt is not { } closedAt || closedAt >= c.Schedule.ClosesAt) return;
        await reminders.CancelAsync(SubjectType, c.Id, ClosingKind, ct);
        await reminders.CancelAsync(SubjectType, c.Id, ClosedKind, ct);
        await reminders.ScheduleAtAsync(Staff(c) with { Deadline = PolishCalendar.WarsawDate(closedAt) }, closedAt, ct);
    }

    // The invitation has just told participants the closing date: no extra reminder when the lead times already passed.
    private static ReminderRequest Participants(Consultation c) =>
        new(ClosingKind, SubjectType, c.Id, c.Title, c.Schedule.ClosesOn, null, [], NotRepliedAudience.RuleName, CatchUp: false);

    private static ReminderRequest Staff(Consultation c) =>
        new(ClosedKind, SubjectType, c.Id, c.Title, c.Schedule.ClosesOn, ConsultationPaths.Comments(c.Id), [], StaffAudience.RuleName);
}

/// <summary>Participants of the consultation who are still on the list and have no comment standing, each with a personal link.</summary>
public sealed class NotRepliedAudience(EsRegionsDbContext db, ConsultationLinks links) : IReminderAudience
{
    public const string RuleName = "consultationNotReplied";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var replied = db.Set<ConsultationComment>().Where(c => c.ConsultationId == reminder.SubjectId && c.WithdrawnAt == null).Select(c => c.ParticipantId);
        return await db.Set<ConsultationParticipant>()
            .Where(p => p.ConsultationId == reminder.SubjectId && p.RemovedAt == null && !replied.Contains(p.Id))
            .OrderBy(p => p.Email)
            .Select(p => new EmailAddress(p.Email, p.Name))
            .ToListAsync(ct);
    }

    /// <summary>A fresh reply link (the token of the invitation is not stored, only its hash), valid until the close.</summary>
    public async Task<EmailBody?> PersonalBodyAsync(Reminder reminder, EmailAddress recipient, CultureInfo culture, CancellationToken ct)
    {
        var consultation = await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == reminder.SubjectId, ct);
        var participant = await db.Set<ConsultationParticipant>()
            .FirstOrDefaultAsync(p => p.ConsultationId == reminder.SubjectId && p.Email == recipient.Address && p.RemovedAt == null, ct);
        return consultation is null || participant is null ? null
            : ReminderTemplates.For(reminder, culture, await links.IssueAsync(consultation, participant, ct));
    }
}

/// <summary>The region's active staff (Staff, TenantAdmin), told that the consultation closed and the comments wait for answers.</summary>
public sealed class StaffAudience(EsRegionsDbContext db) : IReminderAudience
{
    public const string RuleName = "consultationStaff";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct) =>
        await db.Set<TenantMembership>()
            .Where(m => m.IsActive && (m.Roles.Contains(Policies.Roles.Staff) || m.Roles.Contains(Policies.Roles.TenantAdmin)))
            .Join(db.Set<AppUser>().Where(u => u.IsActive && u.Email != null), m => m.UserId, u => u.Id, (m, u) => new EmailAddress(u.Email!, u.DisplayName))
            .ToListAsync(ct);
}
