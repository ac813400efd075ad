using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The sitting members of one of the region's committees, expert teams or working groups (input: the body's id).
/// Name and institution become the participant's name and organisation. Members without a usable e-mail address and
/// repeated addresses are skipped and named in <see cref="ParticipantRead.Skipped"/>. The query filter limits the
/// lookup to the current tenant, so another region's id reads as an unknown body.
/// </summary>
public sealed class CommitteeParticipantSource(EsRegionsDbContext db, TimeProvider clock) : IParticipantSource
{
    public const string SourceKey = "committee";

    public string Key => SourceKey;
    public string Label => "Komitet lub grupa robocza";

    public async Task<IReadOnlyList<ParticipantSourceChoice>> ChoicesAsync(CancellationToken ct) =>
        (await db.Set<Committee>().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.ShortName }).ToListAsync(ct))
            .Select(c => new ParticipantSourceChoice(c.Id.ToString(), c.ShortName is null || c.Name.Contains(c.ShortName) ? c.Name : $"{c.Name} ({c.ShortName})"))
            .ToList();

    public async Task<ParticipantRead> ReadAsync(string input, CancellationToken ct)
    {
        if (!Guid.TryParse(input.Trim(), out var id) || !await db.Set<Committee>().AnyAsync(c => c.Id == id, ct))
            return new ParticipantRead([], [new("", "Nie ma takiego komitetu ani grupy roboczej.")]);
        var today = PolishCalendar.WarsawDate(clock.GetUtcNow());
        var members = await db.Set<CommitteeMember>()
            .Where(CommitteeMember.SittingOn(today)).Where(m => m.CommitteeId == id)
            .OrderBy(m => m.FullName).ToListAsync(ct);
        var (candidates, skipped) = (new List<ParticipantCandidate>(), new List<FileProblem>());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in members)
        {
            var candidate = new ParticipantCandidate(m.FullName, m.Email ?? "", m.Institution);
            if (string.IsNullOrWhiteSpace(m.Email)) skipped.Add(new(m.FullName, "brak adresu e-mail"));
            else if (ParticipantRules.Problems(candidate).FirstOrDefault() is { } problem) skipped.Add(problem with { Where = m.FullName });
            else if (!seen.Add(candidate.Email.Trim())) skipped.Add(new(m.FullName, "adres {0} powtarza się", candidate.Email.Trim()));
            else candidates.Add(candidate);
        }
        if (members.Count == 0) return new ParticipantRead([], [new("", "Ten komitet nie ma obecnie członków.")]);
        return new ParticipantRead(candidates, []) { Skipped = skipped };
    }
}
