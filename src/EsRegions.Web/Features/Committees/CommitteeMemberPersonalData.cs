using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

/// <summary>
/// RODO: the seats a person (found by e-mail address) holds or held in the region's committees and groups. Erasure
/// anonymises name, address and institution and drops the calendar feed; seat, role and term stay (the seat history).
/// The seats' term-ending reminders are deleted: their titles carry the name, and an erased seat is not followed up.
/// </summary>
public sealed class CommitteeMemberPersonalData(EsRegionsDbContext db, Reminders reminders) : IPersonalDataSource
{
    public string Name => "committeeMembers";

    public sealed record SeatRecord(string Committee, string FullName, string? Email, string Institution, string Seat, string Role,
        DateOnly TermFrom, DateOnly TermTo, DateOnly? LeftOn, bool HasCalendarFeed);

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct) =>
        await db.Set<CommitteeMember>()
            .Where(m => m.Email != null && m.Email.ToUpper() == person.NormalizedEmail)
            .Join(db.Set<Committee>(), m => m.CommitteeId, c => c.Id, (m, c) => new { m, c.Name })
            .OrderBy(x => x.m.TermFrom)
            .Select(x => new SeatRecord(x.Name, x.m.FullName, x.m.Email, x.m.Institution, x.m.Seat.ToString(), x.m.Role.ToString(),
                x.m.TermFrom, x.m.TermTo, x.m.LeftOn, x.m.FeedTokenHash != null))
            .Cast<object>()
            .ToListAsync(ct);

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var seats = await db.Set<CommitteeMember>()
            .Where(m => m.Email != null && m.Email.ToUpper() == person.NormalizedEmail)
            .ToListAsync(ct);
        foreach (var seat in seats) seat.Anonymise(PersonRef.ErasedLabel);
        await reminders.ForgetAsync(CommitteeRegister.MemberSubject, seats.Select(s => s.Id).ToList(), ct);
        return seats.Count;
    }
}
