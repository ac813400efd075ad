using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// RODO: the e-mails the region sent (or was about to send) to a person. The export shows subject, dates and state;
/// erasure deletes every row to that address — sent and failed ones, and pending ones, which are thereby cancelled.
/// </summary>
public sealed class OutboxPersonalData(EsRegionsDbContext db) : IPersonalDataSource
{
    public string Name => "emails";

    public sealed record Email(string Subject, string To, string? ToName, DateTimeOffset CreatedAt, string State, DateTimeOffset? SentAt);

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct) =>
        await db.Set<OutboxMessage>()
            .Where(m => m.ToAddress.ToUpper() == person.NormalizedEmail)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new Email(m.Subject, m.ToAddress, m.ToName, m.CreatedAt, m.State.ToString(), m.SentAt))
            .Cast<object>()
            .ToListAsync(ct);

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var messages = await db.Set<OutboxMessage>().Where(m => m.ToAddress.ToUpper() == person.NormalizedEmail).ToListAsync(ct);
        db.RemoveRange(messages);
        return messages.Count;
    }
}
