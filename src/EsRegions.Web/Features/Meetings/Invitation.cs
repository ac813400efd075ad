using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Meetings;

public enum RsvpStatus { Pending, Accepted, Declined, Tentative }

/// <summary>
/// One person invited to a meeting and their answer (RSVP), given through the personal link in the e-mail. The answer
/// can change until the meeting starts; attendance is recorded afterwards by the secretariat.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid BatchId { get; private set; }
    public string Email { get; private set; } = "";
    public string? Name { get; private set; }
    public Guid? MemberId { get; private set; }
    public RsvpStatus Status { get; private set; } = RsvpStatus.Pending;
    public string? Substitute { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public bool? Attended { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Invitation() { }

    public Invitation(Guid meetingId, Guid batchId, string email, string? name, Guid? memberId, DateTimeOffset now)
    {
        MeetingId = meetingId;
        BatchId = batchId;
        Email = email.Trim().ToLowerInvariant();
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        MemberId = memberId;
        CreatedAt = now;
    }

    public void Respond(Meeting meeting, RsvpStatus answer, string? substitute, DateTimeOffset now)
    {
        if (answer == RsvpStatus.Pending) throw new MeetingRuleException("Wybierz odpowiedź.");
        if (meeting.IsCancelled) throw new MeetingRuleException("Spotkanie zostało odwołane.");
        if (now >= meeting.Start) throw new MeetingRuleException("Spotkanie już się rozpoczęło: odpowiedzi nie można już zmienić.");
        Status = answer;
        Substitute = answer == RsvpStatus.Declined && !string.IsNullOrWhiteSpace(substitute) ? substitute.Trim() : null;
        RespondedAt = now;
    }

    public void RecordAttendance(bool attended) => Attended = attended;

    /// <summary>RODO erasure or retention: who was invited goes (the address becomes a unique unusable one, see
    /// <see cref="Infrastructure.Privacy.PersonRef.ErasedEmail"/>), the answer and attendance stay as counts of the meeting.</summary>
    public void Anonymise(string nameLabel, string erasedEmail)
    {
        Email = erasedEmail;
        Name = nameLabel;
        Substitute = null;
        MemberId = null;
    }
}

public enum BatchKind { Invitation, Update, Cancellation }

/// <summary>One sending of e-mails about a meeting (invitations, an update, a cancellation); its progress is its outbox rows'.</summary>
public sealed class InvitationBatch : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid MeetingId { get; private set; }
    public BatchKind Kind { get; private set; }
    public int Sequence { get; private set; }
    public int Queued { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    private InvitationBatch() { }

    public InvitationBatch(Guid meetingId, BatchKind kind, int sequence, DateTimeOffset now, string? createdBy)
    {
        MeetingId = meetingId;
        Kind = kind;
        Sequence = sequence;
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    /// <summary>The outbox idempotency-key prefix of this batch's messages (progress is counted by it).</summary>
    public string KeyPrefix => $"meeting:{Id:N}:";

    public void Count(int queued) => Queued = queued;
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("meeting_invitations");
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Substitute).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.MeetingId, x.Email }).IsUnique();
    }
}

internal sealed class InvitationBatchConfiguration : IEntityTypeConfiguration<InvitationBatch>
{
    public void Configure(EntityTypeBuilder<InvitationBatch> b)
    {
        b.ToTable("meeting_invitation_batches");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(14);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.KeyPrefix);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.MeetingId });
    }
}
