using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>Applications to calls for members as RODO data: export by e-mail, erasure of name, e-mail, institution and motivation.</summary>
public sealed class CallApplicationsPersonalData(EsRegionsDbContext db) : IPersonalDataSource
{
    public sealed record Row(Guid Id, Guid CallId, string CallTitle, string FullName, string Email, string Institution, string Seat,
        string Motivation, bool RodoConsent, DateTimeOffset SubmittedAt, string Status, string? DecisionNote, DateTimeOffset? DecidedAt);

    public string Name => "callApplications";

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = await OfPerson(person)
            .Join(db.Set<MemberCall>(), a => a.CallId, c => c.Id, (a, c) => new { a, c.Title })
            .OrderBy(x => x.a.SubmittedAt).ToListAsync(ct);
        return rows.Select(x => (object)new Row(x.a.Id, x.a.CallId, x.Title, x.a.FullName, x.a.Email, x.a.Institution,
            CommitteeFileLoader.Camel(x.a.Seat.ToString()), x.a.Motivation, x.a.RodoConsent, x.a.SubmittedAt,
            CommitteeFileLoader.Camel(x.a.Status.ToString()), x.a.DecisionNote, x.a.DecidedAt)).ToList();
    }

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var applications = await OfPerson(person).ToListAsync(ct);
        applications.ForEach(a => a.Erase());
        return applications.Count;
    }

    private IQueryable<CallApplication> OfPerson(PersonRef person) =>
        db.Set<CallApplication>().Where(a => a.Email.Trim().ToUpper() == person.NormalizedEmail);
}
