using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Puts e-mails into the outbox of the current tenant. They are saved by the caller's SaveChanges, in the same
/// transaction as the business change: a rolled-back change sends nothing.
/// </summary>
public sealed class Outbox
{
    private readonly EsRegionsDbContext db;
    private readonly TimeProvider clock;

    // Messages added through this scope, by key. Asking the change tracker instead (ChangeTracker.Entries) runs
    // DetectChanges over every tracked entity for each message: quadratic in a fan-out of 1,000 invitations
    // (8.8 s for the API call; docs/performance.md).
    private readonly Dictionary<string, OutboxMessage> _added = new(StringComparer.Ordinal);

    public Outbox(EsRegionsDbContext db, TimeProvider clock, OutboxWakeUp wakeUp)
    {
        this.db = db;
        this.clock = clock;
        // Once the caller's change (and the messages with it) is committed, this instance's dispatcher starts at
        // once instead of at its next poll; other instances still find the rows at theirs.
        db.Committed += (_, _) =>
        {
            if (_added.Count > 0) wakeUp.Wake();
        };
    }

    /// <summary>Adds the message unless one with the same idempotency key exists; returns whether it was added.</summary>
    public async Task<bool> EnqueueAsync(string idempotencyKey, EmailAddress to, EmailContent content, CancellationToken ct = default) =>
        await EnqueueAllAsync([(idempotencyKey, to, content)], ct) == 1;

    /// <summary>
    /// Adds each message unless one with its key is stored, already added in this unit of work or earlier in the list,
    /// or its address is undeliverable; asks the database once for the whole list (the reminder sweep's batch) instead
    /// of once per message. Returns how many were added.
    /// </summary>
    public async Task<int> EnqueueAllAsync(IReadOnlyList<(string Key, EmailAddress To, EmailContent Content)> messages, CancellationToken ct = default)
    {
        var keys = messages.Where(m => Deliverable(m.Key, m.To)).Select(m => m.Key).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0) return 0;
        var stored = (await db.Set<OutboxMessage>().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (key, to, content) in messages)
        {
            if (stored.Contains(key) || !Deliverable(key, to)) continue;
            if (_added.TryGetValue(key, out var pending) && db.Entry(pending).State != EntityState.Detached) continue;
            Add(key, to, content);
            added++;
        }
        return added;
    }

    /// <summary>
    /// Adds the message without looking for a stored one: for keys that contain the id of an entity created in this
    /// unit of work (a new invitation batch), which no stored message can have. Saves a query per message in a
    /// fan-out. Returns whether it was added (false only for an erased, undeliverable address).
    /// </summary>
    public bool EnqueueUnderNewKey(string idempotencyKey, EmailAddress to, EmailContent content)
    {
        if (!Deliverable(idempotencyKey, to)) return false;
        if (_added.ContainsKey(idempotencyKey)) throw new InvalidOperationException($"The outbox key {idempotencyKey} was used twice in one unit of work.");
        Add(idempotencyKey, to, content);
        return true;
    }

    private static bool Deliverable(string idempotencyKey, EmailAddress to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(to.Address);
        // An address of the reserved .invalid domain is one that RODO erasure or retention put in place of a person's
        // (PersonRef.ErasedEmail): nobody can receive it, so nothing is queued for it (e.g. a later meeting reminder).
        return !to.Address.TrimEnd().EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
    }

    private void Add(string idempotencyKey, EmailAddress to, EmailContent content)
    {
        var message = new OutboxMessage(idempotencyKey, to, content, clock.GetUtcNow());
        db.Add(message);
        _added[idempotencyKey] = message;
    }
}

/// <summary>Wakes the outbox dispatcher of this instance before its next poll (an e-mail was just committed).</summary>
public sealed class OutboxWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already signalled: one pass picks up everything committed so far */ }
    }

    /// <summary>Returns when woken or when the poll interval has passed.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken ct) => _signal.WaitAsync(pollInterval, ct);
}
