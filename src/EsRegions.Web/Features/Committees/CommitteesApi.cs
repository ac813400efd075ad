using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

public sealed record CommitteeSummaryDto(Guid Id, string Name, string Kind, int Members, string? ShortName, Guid? ParentId);
public sealed record CommitteeDto(Guid Id, string Name, string Kind, string? ShortName, Guid? ParentId, string Mandate,
    IReadOnlyList<string> PlanPriorities, IReadOnlyList<MemberDto> Members, IReadOnlyList<ResolutionDto> Resolutions);
public sealed record MemberDto(Guid Id, string Name, string Institution, string Seat, string Role, DateOnly TermFrom, DateOnly TermTo, DateOnly? LeftOn);
public sealed record ResolutionDto(Guid Id, string Number, DateOnly Date, string Title, string? Document);

/// <summary>API.md "Committees and meetings": the region's committees and groups with their composition.</summary>
internal static class CommitteesApi
{
    public static RouteGroupBuilder MapCommitteesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/committees").WithTags("Committees");
        group.MapGet("/", ListAsync).WithName("ListCommittees")
            .WithSummary("The region's committee, expert teams and working groups; members = people sitting today");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCommittee").WithSummary("One committee with its members and resolutions register");
        return api;
    }

    private static async Task<Ok<List<CommitteeSummaryDto>>> ListAsync(EsRegionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = Today(clock);
        var counts = await db.Set<CommitteeMember>()
            .Where(CommitteeMember.SittingOn(today))
            .GroupBy(m => m.CommitteeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var committees = await db.Set<Committee>().OrderBy(c => c.ParentId != null).ThenBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(committees.Select(c => new CommitteeSummaryDto(c.Id, c.Name, Kind(c.Kind), counts.GetValueOrDefault(c.Id), c.ShortName, c.ParentId)).ToList());
    }

    private static async Task<Results<Ok<CommitteeDto>, NotFound>> GetAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        var c = await db.Set<Committee>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var members = await db.Set<CommitteeMember>().Where(m => m.CommitteeId == id).OrderBy(m => m.Role).ThenBy(m => m.FullName)
            .Select(m => new MemberDto(m.Id, m.FullName, m.Institution, m.Seat.ToString(), m.Role.ToString(), m.TermFrom, m.TermTo, m.LeftOn))
            .ToListAsync(ct);
        var resolutions = await db.Set<Resolution>().Where(r => r.CommitteeId == id).OrderBy(r => r.Year).ThenBy(r => r.Number).ToListAsync(ct);
        return TypedResults.Ok(new CommitteeDto(c.Id, c.Name, Kind(c.Kind), c.ShortName, c.ParentId, c.Mandate, c.PlanPriorities,
            members.Select(m => m with { Seat = CommitteeFileLoader.Camel(m.Seat), Role = CommitteeFileLoader.Camel(m.Role) }).ToList(),
            resolutions.Select(r => new ResolutionDto(r.Id, r.Designation, r.AdoptedOn, r.Title, r.DocumentUrl)).ToList()));
    }

    internal static string Kind(CommitteeKind kind) => CommitteeFileLoader.Camel(kind.ToString());

    internal static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Notifications.PolishCalendar.Warsaw).DateTime);
}
