using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>How far a sending has got, read from the outbox rows of the batch (<see cref="OutboxProgress"/>).</summary>
internal static class BatchProgress
{
    public static async Task<BatchDto?> LoadAsync(EsRegionsDbContext db, Guid meetingId, Guid batchId, CancellationToken ct)
    {
        var batch = await db.Set<InvitationBatch>().FirstOrDefaultAsync(b => b.Id == batchId && b.MeetingId == meetingId, ct);
        if (batch is null) return null;
        var counts = await OutboxProgress.CountAsync(db, batch.KeyPrefix, ct);
        return new BatchDto(batch.Id, MeetingText.Api(batch.Kind), batch.Queued, counts.Pending, counts.Sent, counts.Failed);
    }
}
