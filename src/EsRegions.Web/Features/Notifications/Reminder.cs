using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Scheduled (the sweeper sends it when due), Sent, Cancelled (its subject changed or closed), or Held: staff or the
/// secretariat decided this occurrence is not to go out; it stays held when its subject is rescheduled to the same deadline.
/// </summary>
public enum ReminderState { Scheduled, Sent, Cancelled, Held }

/// <summary>A reminder that cannot be held or released as asked (already sent, cancelled, or its time gone).</summary>
public sealed class ReminderStateException(string template, params object?[] args) : ConflictException(template, args);

/// <summary>
/// One occurrence of a reminder ("consultation X closes in 7 days"), unique per tenant by its occurrence key, turned
/// into e-mails by the sweeper when due.
/// </summary>
[NotAudited]
public sealed class Reminder : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public string Kind { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string SubjectTitle { get; private set; } = "";
    public string? LinkPath { get; private set; }
    /// <summary>The (working-day adjusted) deadline the reminder is about, as a local date.</summary>
    public DateOnly Deadline { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string OccurrenceKey { get; private set; } = "";
    /// <summary>Who gets it: "explicit" (the stored recipients) or a rule a module resolves when the reminder fires.</summary>
    public string AudienceRule { get; private set; } = ReminderAudience.Explicit;
    public List<ReminderRecipient> Recipients { get; private set; } = [];
    public ReminderState State { get; private set; } = ReminderState.Scheduled;
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>Who held it back (name as signed in) and when; kept while it is cancelled, so a reopening holds it again.</summary>
    public string? HeldBy { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }

    private Reminder() { }

    public Reminder(ReminderRequest request, DateOnly deadline, DateTimeOffset dueAt, string occurrenceKey)
    {
        Kind = request.Kind;
        SubjectType = request.SubjectType;
        SubjectId = request.SubjectId;
        SubjectTitle = request.SubjectTitle;
        LinkPath = request.LinkPath;
        Deadline = deadline;
        DueAt = dueAt;
        OccurrenceKey = occurrenceKey;
        AudienceRule = request.AudienceRule;
        Recipients = RecipientsOf(request);
    }

    private static List<ReminderRecipient> RecipientsOf(ReminderRequest request) =>
        request.Recipients.Select(r => new ReminderRecipient(r.Address, r.Name)).ToList();

    public void MarkSent(DateTimeOffset now)
    {
        State = ReminderState.Sent;
        SentAt = now;
    }

    public void Cancel()
    {
        if (State is ReminderState.Scheduled or ReminderState.Held) State = ReminderState.Cancelled;
    }

    /// <summary>
    /// The occurrence scheduled again (a cancelled one held again if it was held): it names, links and addresses the
    /// subject as <paramref name="request"/> has it now (a task or a meeting renamed meanwhile). One already sent stays as sent.
    /// </summary>
    public void Reopen(ReminderRequest request)
    {
        if (State == ReminderState.Sent) return;
        if (State == ReminderState.Cancelled) State = HeldBy is null ? ReminderState.Scheduled : ReminderState.Held;
        (SubjectTitle, LinkPath, AudienceRule) = (request.SubjectTitle, request.LinkPath, request.AudienceRule);
        Recipients = RecipientsOf(request);
    }

    /// <summary>This occurrence is not to go out (the others of its subject still do).</summary>
    public void Hold(string by, DateTimeOffset now)
    {
        if (State != ReminderState.Scheduled) throw new ReminderStateException("To przypomnienie nie czeka już na wysyłkę.");
        (State, HeldBy, HeldAt) = (ReminderState.Held, by, now);
    }

    /// <summary>A held occurrence goes out after all, while its time is still ahead (a late one would come after its point).</summary>
    public void Release(DateTimeOffset now)
    {
        if (State != ReminderState.Held) throw new ReminderStateException("To przypomnienie nie jest wstrzymane.");
        if (DueAt <= now) throw new ReminderStateException("Czas wysyłki tego przypomnienia minął; nie można go już przywrócić.");
        (State, HeldBy, HeldAt) = (ReminderState.Scheduled, null, null);
    }

    /// <summary>RODO erasure of the person who held it back: the hold stays, without their name.</summary>
    public void EraseHolder(string label) => HeldBy = label;

    /// <summary>RODO erasure of a stored recipient (normalised address): they get no more of this reminder.</summary>
    public bool EraseRecipient(string normalizedEmail) =>
        Recipients.RemoveAll(r => r.Is(normalizedEmail)) > 0;
}

public sealed record ReminderRecipient(string Address, string? Name)
{
    /// <summary>This recipient's address is <paramref name="normalizedEmail"/> (trimmed, upper case).</summary>
    public bool Is(string normalizedEmail) => Address.Trim().ToUpperInvariant() == normalizedEmail;
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("reminders");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.SubjectType).HasMaxLength(60);
        b.Property(x => x.SubjectTitle).HasMaxLength(500);
        b.Property(x => x.LinkPath).HasMaxLength(500);
        b.Property(x => x.OccurrenceKey).HasMaxLength(300);
        b.Property(x => x.AudienceRule).HasMaxLength(60);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.HeldBy).HasMaxLength(200);
        b.OwnsMany(x => x.Recipients, r => r.ToJson());
        b.HasIndex(x => new { x.TenantId, x.OccurrenceKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.State, x.DueAt });
        b.HasIndex(x => new { x.TenantId, x.SubjectType, x.SubjectId });
    }
}
