using System.Globalization;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// Before a meeting: those who accepted and those who have not answered yet (not those who declined), each with the
/// meeting's time and place as they stand and their own answer link, which takes an answer as the invitation did.
/// </summary>
public sealed class MeetingAttendeesAudience(EsRegionsDbContext db, EmailLinks links) : IReminderAudience
{
    public const string RuleName = "meeting-attendees";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == reminder.SubjectId, ct);
        if (meeting is null || meeting.IsCancelled) return [];
        return await db.Set<Invitation>()
            .Where(i => i.MeetingId == meeting.Id && (i.Status == RsvpStatus.Accepted || i.Status == RsvpStatus.Pending || i.Status == RsvpStatus.Tentative))
            .OrderBy(i => i.Email)
            .Select(i => new EmailAddress(i.Email, i.Name))
            .ToListAsync(ct);
    }

    /// <summary>A fresh answer link (only the hashes of the invitation's links are kept), valid as long as those.</summary>
    public async Task<EmailBody?> PersonalBodyAsync(Reminder reminder, EmailAddress recipient, CultureInfo culture, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == reminder.SubjectId, ct);
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.MeetingId == reminder.SubjectId && i.Email == recipient.Address, ct);
        if (meeting is null || invitation is null) return null;
        var token = links.Issue(MeetingInvitations.RsvpPurpose, invitation.Id, MeetingInvitations.LinkExpiry(meeting));
        var body = ReminderTemplates.For(reminder, culture, $"zaproszenie/{token}");
        return body with { Paragraphs = [.. body.Paragraphs, .. MeetingEmail.Details(meeting)] };
    }
}

/// <summary>After a meeting: the secretariat (the stored recipients), only while the minutes are still missing.</summary>
public sealed class MinutesMissingAudience(EsRegionsDbContext db) : IReminderAudience
{
    public const string RuleName = "meeting-minutes-missing";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == reminder.SubjectId, ct);
        if (meeting is null || meeting.IsCancelled || meeting.MinutesRecordedAt is not null) return [];
        return reminder.Recipients.Select(r => new EmailAddress(r.Address, r.Name)).ToList();
    }
}
