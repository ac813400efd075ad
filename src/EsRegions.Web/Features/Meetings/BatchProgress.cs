using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>How far a sending has got, read from the outbox rows of the batch.</summary>
internal static class BatchProgress
{
    public static async Task<BatchDto?> LoadAsync(EsRegionsDbContext db, Guid meetingId, Guid batchId, CancellationToken ct)
    {
        var batch = await db.Set<InvitationBatch>().FirstOrDefaultAsync(b => b.Id == batchId && b.MeetingId == meetingId, ct);
        if (batch is null) return null;
        var prefix = batch.KeyPrefix;
        var states = await db.Set<OutboxMessage>().Where(m => m.IdempotencyKey.StartsWith(prefix))
            .GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new BatchDto(batch.Id, MeetingText.Api(batch.Kind), batch.Queued,
            states.GetValueOrDefault(OutboxState.Pending) + states.GetValueOrDefault(OutboxState.Sending),
            states.GetValueOrDefault(OutboxState.Sent), states.GetValueOrDefault(OutboxState.Failed));
    }
}
