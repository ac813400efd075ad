using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>How many messages of a sending are queued (pending or being sent), sent or failed.</summary>
public sealed record OutboxCounts(int Queued, int Pending, int Sent, int Failed)
{
    public bool Done => Pending == 0;
}

/// <summary>A sending's messages and counts, for a progress page.</summary>
public sealed record OutboxProgressView(OutboxCounts Counts, IReadOnlyList<OutboxMessage> Messages);

/// <summary>
/// The progress of a sending (meeting invitations, consultation invitations…) read from the outbox rows whose
/// idempotency key starts with the sending's prefix. The modules choose the prefix when they enqueue.
/// </summary>
public static class OutboxProgress
{
    public static async Task<OutboxCounts> CountAsync(EsRegionsDbContext db, string keyPrefix, CancellationToken ct)
    {
        var states = await Messages(db, keyPrefix)
            .GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new OutboxCounts(states.Values.Sum(),
            states.GetValueOrDefault(OutboxState.Pending) + states.GetValueOrDefault(OutboxState.Sending),
            states.GetValueOrDefault(OutboxState.Sent), states.GetValueOrDefault(OutboxState.Failed));
    }

    /// <summary>Counts and the messages themselves (by address), for the page that shows each recipient's state.</summary>
    public static async Task<OutboxProgressView> ViewAsync(EsRegionsDbContext db, string keyPrefix, CancellationToken ct) =>
        new(await CountAsync(db, keyPrefix, ct), await Messages(db, keyPrefix).OrderBy(m => m.ToAddress).ToListAsync(ct));

    private static IQueryable<OutboxMessage> Messages(EsRegionsDbContext db, string keyPrefix) =>
        db.Set<OutboxMessage>().Where(m => m.IdempotencyKey.StartsWith(keyPrefix));
}
