using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

/// <summary>
/// Changes to a committee's composition and resolutions that carry rules beyond one entity: resolution numbers unique
/// per committee and year, and a reminder before each member's term ends (tenant.json reminders "termEnding").
/// Saved by the caller's SaveChanges.
/// </summary>
public sealed class CommitteeRegister(EsRegionsDbContext db, Reminders reminders)
{
    public const string MemberSubject = "CommitteeMember";

    public async Task<CommitteeMember> AddMemberAsync(Committee committee, CommitteeMember member, CancellationToken ct)
    {
        db.Add(member);
        await ScheduleTermReminderAsync(committee, member, ct);
        return member;
    }

    /// <summary>The secretariat and the member hear before the term ends (who exactly: <see cref="TermEndingAudience"/>).</summary>
    public async Task ScheduleTermReminderAsync(Committee committee, CommitteeMember member, CancellationToken ct) =>
        await reminders.RescheduleAsync(new ReminderRequest("termEnding", MemberSubject, member.Id,
            $"{member.FullName} — {committee.ShortName ?? committee.Name}", member.TermTo,
            $"komitety/{committee.Id}/czlonkowie/{member.Id}", [], TermEndingAudience.RuleName), ct);

    public async Task LeaveAsync(CommitteeMember member, DateOnly on, CancellationToken ct)
    {
        member.Leave(on);
        await reminders.CancelAsync(MemberSubject, member.Id, "termEnding", ct);
    }

    /// <summary>Changes a seat; the reminder before its term ends follows the new end and address (none after leaving).</summary>
    public async Task ChangeMemberAsync(Committee committee, CommitteeMember member, MemberInput input, CancellationToken ct)
    {
        if (member.IsErased) throw new CommitteeRuleException("Dane tej osoby usunięto na jej wniosek (RODO); tego zapisu nie można zmienić.");
        member.Change(input.FullName, input.Email, input.Institution, input.Seat, input.Role, input.TermFrom!.Value, input.TermToOrDefault());
        if (member.LeftOn is null) await ScheduleTermReminderAsync(committee, member, ct);
    }

    public async Task UndoLeaveAsync(Committee committee, CommitteeMember member, CancellationToken ct)
    {
        member.UndoLeave();
        await ScheduleTermReminderAsync(committee, member, ct);
    }

    public async Task<Resolution> AddResolutionAsync(Resolution resolution, CancellationToken ct)
    {
        var taken = await db.Set<Resolution>().AnyAsync(r => r.CommitteeId == resolution.CommitteeId && r.Year == resolution.Year
            && r.Number == resolution.Number, ct);
        if (taken) throw new CommitteeRuleException("Uchwała nr {0} tego komitetu jest już w rejestrze.", resolution.Designation);
        db.Add(resolution);
        return resolution;
    }

    /// <summary>The next free number of a committee's resolutions in a year.</summary>
    public async Task<int> NextResolutionNumberAsync(Guid committeeId, int year, CancellationToken ct) =>
        (await db.Set<Resolution>().Where(r => r.CommitteeId == committeeId && r.Year == year).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
}
