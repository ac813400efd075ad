using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Notifications;

public enum OutboxState { Pending, Sending, Sent, Failed }

/// <summary>
/// One e-mail to one recipient, written in the same transaction as the change that causes it and sent later by the
/// dispatcher. Nothing else in the code base talks to SMTP.
/// </summary>
[NotAudited]
public sealed class OutboxMessage : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public string IdempotencyKey { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    /// <summary>An iCalendar object (METHOD:REQUEST or CANCEL) sent as a text/calendar alternative and as an .ics file.</summary>
    public string? Calendar { get; private set; }
    public List<OutboxAttachment> Attachments { get; private set; } = [];
    public OutboxState State { get; private set; } = OutboxState.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The SMTP server's last answer (or the I/O error), shown to staff on the outbox page.</summary>
    public string? LastResponse { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(string idempotencyKey, EmailAddress to, EmailContent content, DateTimeOffset now)
    {
        IdempotencyKey = idempotencyKey;
        ToAddress = to.Address;
        ToName = to.Name;
        Subject = content.Subject;
        TextBody = content.Text;
        HtmlBody = content.Html;
        Calendar = content.Calendar;
        Attachments = [.. content.Attachments];
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Deterministic, so that a receiver can recognise a message delivered twice after a lost acknowledgement.</summary>
    public string MessageId(string tenantSlug) => $"{Id:N}@{tenantSlug}.esregions";

    public void MarkSent(DateTimeOffset now, string response)
    {
        State = OutboxState.Sent;
        SentAt = now;
        LeaseUntil = null;
        LastResponse = response;
    }

    /// <summary>A temporary failure: try again later, or give up once the attempts are used up.</summary>
    public void RetryLater(DateTimeOffset at, string response, int maxAttempts)
    {
        LastResponse = response;
        LeaseUntil = null;
        if (Attempts >= maxAttempts) { State = OutboxState.Failed; return; }
        State = OutboxState.Pending;
        NextAttemptAt = at;
    }

    /// <summary>A permanent failure (5xx): no retry; staff see it on the outbox page.</summary>
    public void Fail(string response)
    {
        State = OutboxState.Failed;
        LeaseUntil = null;
        LastResponse = response;
    }

    /// <summary>Gives a claimed message back untried (the server is known to be down): the attempt does not count.</summary>
    public void ReleaseClaim(DateTimeOffset retryAt)
    {
        State = OutboxState.Pending;
        Attempts = Math.Max(0, Attempts - 1);
        LeaseUntil = null;
        NextAttemptAt = retryAt;
    }

    /// <summary>Staff re-send a failed message: a fresh set of attempts from now.</summary>
    public void Resend(DateTimeOffset now)
    {
        if (State != OutboxState.Failed) throw new InvalidOperationException("Only a failed message can be re-sent.");
        State = OutboxState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}

public sealed record OutboxAttachment(string FileName, string ContentType, byte[] Content);

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.IdempotencyKey).HasMaxLength(700);
        b.Property(x => x.ToAddress).HasMaxLength(320);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LastResponse).HasMaxLength(1000);
        b.OwnsMany(x => x.Attachments, a => a.ToJson());
        b.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.State, x.NextAttemptAt });
    }
}
