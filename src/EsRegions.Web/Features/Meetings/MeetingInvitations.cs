using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

public sealed record Recipient(string Email, string? Name, Guid? MemberId = null);

/// <summary>
/// Sends a meeting's e-mails through the outbox, one per person: invitations (iTIP REQUEST with a personal RSVP link),
/// updates (same UID, next SEQUENCE) and cancellations (METHOD:CANCEL); keeps the meeting's reminders in step.
/// Everything is saved by the caller's SaveChanges, with the change that causes it.
/// </summary>
public sealed class MeetingInvitations(EsRegionsDbContext db, Outbox outbox, EmailComposer composer, EmailLinks links, Reminders reminders,
    TenantContext tenant, TimeProvider clock)
{
    public const string RsvpPurpose = "meeting-rsvp";
    public const string ReminderSubject = "Meeting";

    /// <summary>Invites those not invited yet; returns the batch (Queued = new invitations).</summary>
    public async Task<InvitationBatch> InviteAsync(Meeting meeting, IEnumerable<Recipient> recipients, string? by, CancellationToken ct)
    {
        if (!meeting.CanInvite)
            throw new MeetingRuleException(meeting.IsCancelled ? "Spotkanie zostało odwołane." : "Ustal dzień lub godzinę spotkania, zanim wyślesz zaproszenia.");
        var now = clock.GetUtcNow();
        if (now >= meeting.Start) throw new MeetingRuleException("Spotkanie już się rozpoczęło.");
        var invited = (await db.Set<Invitation>().Where(i => i.MeetingId == meeting.Id).Select(i => i.Email).ToListAsync(ct)).ToHashSet();
        var batch = new InvitationBatch(meeting.Id, BatchKind.Invitation, meeting.Sequence, now, by);
        db.Add(batch);
        var queued = 0;
        foreach (var r in recipients.GroupBy(r => r.Email.Trim().ToLowerInvariant()).Select(g => g.First()))
        {
            var email = r.Email.Trim().ToLowerInvariant();
            if (!invited.Add(email)) continue;
            var invitation = new Invitation(meeting.Id, batch.Id, email, r.Name, r.MemberId, now);
            db.Add(invitation);
            Enqueue(batch, meeting, invitation, BatchKind.Invitation);
            queued++;
        }
        batch.Count(queued);
        if (queued > 0) await ScheduleRemindersAsync(meeting, ct);
        return batch;
    }

    /// <summary>The date or place changed: everyone invited gets the updated event (same UID, next SEQUENCE).</summary>
    public async Task<InvitationBatch?> SendUpdateAsync(Meeting meeting, string? by, CancellationToken ct)
    {
        var invitations = await db.Set<Invitation>().Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        if (invitations.Count == 0) return null;
        meeting.RaiseSequence();
        await links.ExtendAllAsync(invitations, meeting, ct);
        var batch = SendToAll(meeting, invitations, BatchKind.Update, by);
        await ScheduleRemindersAsync(meeting, ct);
        return batch;
    }

    /// <summary>Cancels the meeting; everyone invited gets METHOD:CANCEL and no reminder fires.</summary>
    public async Task<InvitationBatch?> CancelAsync(Meeting meeting, string? by, CancellationToken ct)
    {
        meeting.Cancel(clock.GetUtcNow());
        await reminders.CancelAsync(ReminderSubject, meeting.Id, ct: ct);
        var invitations = await db.Set<Invitation>().Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        return invitations.Count == 0 ? null : SendToAll(meeting, invitations, BatchKind.Cancellation, by);
    }

    internal static DateTimeOffset LinkExpiry(Meeting meeting) => meeting.Start.AddDays(30);

    private InvitationBatch SendToAll(Meeting meeting, List<Invitation> invitations, BatchKind kind, string? by)
    {
        var batch = new InvitationBatch(meeting.Id, kind, meeting.Sequence, clock.GetUtcNow(), by);
        db.Add(batch);
        foreach (var invitation in invitations) Enqueue(batch, meeting, invitation, kind);
        batch.Count(invitations.Count);
        return batch;
    }

    private void Enqueue(InvitationBatch batch, Meeting meeting, Invitation invitation, BatchKind kind)
    {
        var token = kind == BatchKind.Cancellation ? null : links.Issue(RsvpPurpose, invitation.Id, LinkExpiry(meeting));
        var body = MeetingEmail.Body(meeting, kind, token is null ? null : $"zaproszenie/{token}");
        var sender = tenant.Required.Settings.Operator.Sender;
        var organiser = new CalendarPerson(sender.Email, sender.Name);
        var attendee = new CalendarPerson(invitation.Email, invitation.Name);
        var description = string.Join("\n\n", body.Paragraphs) + (token is null ? "" : $"\n\n{body.Action!.Label}: {composer.TenantUrl(body.Action.Path)}");
        var calendar = kind == BatchKind.Cancellation
            ? ICalendarWriter.Cancel(meeting, organiser, attendee, clock.GetUtcNow(), description)
            : ICalendarWriter.Request(meeting, organiser, attendee, clock.GetUtcNow(), description);
        var content = composer.Compose(body) with { Calendar = calendar };
        // The batch is new in this unit of work, so its keys are too.
        outbox.EnqueueUnderNewKey(batch.KeyPrefix + invitation.Id.ToString("N"), new EmailAddress(invitation.Email, invitation.Name), content);
    }

    private async Task ScheduleRemindersAsync(Meeting meeting, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.Start, PolishCalendar.Warsaw).DateTime);
        var op = tenant.Required.Settings.Operator;
        // The invitation carries the date: a meeting called at short notice gets no extra reminder on top of it.
        await reminders.RescheduleAsync(new ReminderRequest("meeting", ReminderSubject, meeting.Id, meeting.Title, day, null, [],
            MeetingAttendeesAudience.RuleName, CatchUp: false), ct);
        await reminders.RescheduleAsync(new ReminderRequest("minutesMissing", ReminderSubject, meeting.Id, meeting.Title, day,
            $"kalendarz/{meeting.Id}/protokol", [new EmailAddress(op.Email, op.ShortName)], MinutesMissingAudience.RuleName), ct);
    }
}

internal static class EmailLinksExtensions
{
    /// <summary>The meeting moved: every invitation's RSVP link lasts until 30 days after the new start.</summary>
    public static async Task ExtendAllAsync(this EmailLinks links, IEnumerable<Invitation> all, Meeting meeting, CancellationToken ct)
    {
        foreach (var i in all) await links.ExtendAsync(MeetingInvitations.RsvpPurpose, i.Id, MeetingInvitations.LinkExpiry(meeting), ct);
    }
}
