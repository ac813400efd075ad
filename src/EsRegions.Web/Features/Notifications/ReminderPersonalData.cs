using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// RODO: reminders that store the person as a recipient (kinds whose audience is fixed when scheduled), and those
/// they held back on the reminders page (their name as "held by"). Export lists both; erasure takes the person off
/// the recipients (they get no more of it) and replaces the holder's name with <see cref="PersonRef.ErasedLabel"/>,
/// keeping the hold. Recipients resolved when a reminder fires are not stored here; the e-mails are the outbox's.
/// </summary>
public sealed class ReminderPersonalData(EsRegionsDbContext db) : IPersonalDataSource
{
    public string Name => "reminders";

    public sealed record ReminderTo(string Kind, string Subject, DateTimeOffset DueAt, string State, string Address);
    public sealed record HeldReminder(string Kind, string Subject, DateTimeOffset DueAt, string HeldBy, DateTimeOffset? HeldAt);

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var result = new List<object>();
        foreach (var r in await WithRecipientAsync(person, ct))
            result.AddRange(r.Recipients.Where(x => x.Is(person.NormalizedEmail)).Select(x => new ReminderTo(r.Kind, r.SubjectTitle, r.DueAt, r.State.ToString(), x.Address)));
        result.AddRange((await HeldByAsync(person, ct)).Select(r => new HeldReminder(r.Kind, r.SubjectTitle, r.DueAt, r.HeldBy!, r.HeldAt)));
        return result;
    }

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var changed = (await WithRecipientAsync(person, ct)).Count(r => r.EraseRecipient(person.NormalizedEmail));
        var held = await HeldByAsync(person, ct);
        held.ForEach(r => r.EraseHolder(PersonRef.ErasedLabel));
        return changed + held.Count;
    }

    private Task<List<Reminder>> WithRecipientAsync(PersonRef person, CancellationToken ct) =>
        db.Set<Reminder>().Where(r => r.Recipients.Any(x => x.Address.Trim().ToUpper() == person.NormalizedEmail))
            .OrderBy(r => r.DueAt).ToListAsync(ct);

    private async Task<List<Reminder>> HeldByAsync(PersonRef person, CancellationToken ct)
    {
        var names = await RecordedNames.OfAsync(db, person, ct);
        return await db.Set<Reminder>().Where(r => r.HeldBy != null && names.Contains(r.HeldBy)).OrderBy(r => r.DueAt).ToListAsync(ct);
    }
}
