using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Puts e-mails into the outbox of the current tenant. They are saved by the caller's SaveChanges, in the same
/// transaction as the business change: a rolled-back change sends nothing.
/// </summary>
public sealed class Outbox(EsRegionsDbContext db, TimeProvider clock)
{
    /// <summary>Adds the message unless one with the same idempotency key exists; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync(string idempotencyKey, EmailAddress to, EmailContent content, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(to.Address);
        // An address of the reserved .invalid domain is one that RODO erasure or retention put in place of a person's
        // (PersonRef.ErasedEmail): nobody can receive it, so nothing is queued for it (e.g. a later meeting reminder).
        if (to.Address.TrimEnd().EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)) return false;
        var pending = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == idempotencyKey);
        if (pending || await db.Set<OutboxMessage>().AnyAsync(m => m.IdempotencyKey == idempotencyKey, ct)) return false;
        db.Add(new OutboxMessage(idempotencyKey, to, content, clock.GetUtcNow()));
        return true;
    }
}
