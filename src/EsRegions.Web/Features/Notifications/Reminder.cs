using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Notifications;

public enum ReminderState { Scheduled, Sent, Cancelled }

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
        Recipients = request.Recipients.Select(r => new ReminderRecipient(r.Address, r.Name)).ToList();
    }

    public void MarkSent(DateTimeOffset now)
    {
        State = ReminderState.Sent;
        SentAt = now;
    }

    public void Cancel()
    {
        if (State == ReminderState.Scheduled) State = ReminderState.Cancelled;
    }

    /// <summary>A cancelled occurrence scheduled again; one already sent stays sent.</summary>
    public void Reopen()
    {
        if (State == ReminderState.Cancelled) State = ReminderState.Scheduled;
    }
}

public sealed record ReminderRecipient(string Address, string? Name);

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
        b.OwnsMany(x => x.Recipients, r => r.ToJson());
        b.HasIndex(x => new { x.TenantId, x.OccurrenceKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.State, x.DueAt });
        b.HasIndex(x => new { x.TenantId, x.SubjectType, x.SubjectId });
    }
}
