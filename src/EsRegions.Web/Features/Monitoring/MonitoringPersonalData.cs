using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Monitoring's personal data (RODO): the name recorded as who entered a value or made a revision, approved or
/// reopened a period, or published a year (<see cref="MonitoringAccess.Actor"/>: the display name, else the user
/// name or e-mail address). Export lists those records; erasure replaces the name with
/// <see cref="PersonRef.ErasedLabel"/> and keeps values, comments and dates, which belong to the region's report.
/// The person's names are those of their account (display name, e-mail, user name) and the given e-mail address;
/// another person with exactly the same display name in the same region cannot be told apart in these records.
/// </summary>
public sealed class MonitoringPersonalData(EsRegionsDbContext db) : IPersonalDataSource
{
    public string Name => "monitoring";

    public sealed record EnteredValue(Guid TrackId, string Period, decimal? Value, string? Text, string? Comment, string EnteredBy, DateTimeOffset EnteredAt);
    public sealed record ValueRevision(Guid TrackId, string Period, decimal? Value, string? Text, string? Comment, string ChangedBy, DateTimeOffset ChangedAt);
    public sealed record PeriodDecision(Guid PlanId, string Period, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ReopenedBy, DateTimeOffset? ReopenedAt, string? ReopenReason);
    public sealed record Publication(Guid PlanId, int Year, string PublishedBy, DateTimeOffset PublishedAt);

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var names = await NamesAsync(person, ct);
        var result = new List<object>();
        result.AddRange((await db.Set<IndicatorValue>().Where(v => names.Contains(v.EnteredBy)).OrderBy(v => v.EnteredAt).ToListAsync(ct))
            .Select(v => new EnteredValue(v.TrackId, v.Period, v.Number, v.Text, v.Comment, v.EnteredBy, v.EnteredAt)));
        result.AddRange((await db.Set<IndicatorValueRevision>().Where(v => names.Contains(v.ChangedBy)).OrderBy(v => v.ChangedAt).ToListAsync(ct))
            .Select(v => new ValueRevision(v.TrackId, v.Period, v.Number, v.Text, v.Comment, v.ChangedBy, v.ChangedAt)));
        result.AddRange((await PeriodsAsync(names, ct))
            .Select(p => new PeriodDecision(p.PlanId, p.Key, p.ApprovedBy, p.ApprovedAt, p.ReopenedBy, p.ReopenedAt, p.ReopenReason)));
        result.AddRange((await db.Set<ReportPublication>().Where(p => names.Contains(p.PublishedBy)).ToListAsync(ct))
            .Select(p => new Publication(p.PlanId, p.Year, p.PublishedBy, p.PublishedAt)));
        return result;
    }

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var names = await NamesAsync(person, ct);
        var changed = 0;
        foreach (var v in await db.Set<IndicatorValue>().Where(v => names.Contains(v.EnteredBy)).ToListAsync(ct)) { v.EraseAuthor(PersonRef.ErasedLabel); changed++; }
        foreach (var r in await db.Set<IndicatorValueRevision>().Where(r => names.Contains(r.ChangedBy)).ToListAsync(ct)) { r.EraseAuthor(PersonRef.ErasedLabel); changed++; }
        var set = names.ToHashSet();
        foreach (var p in await PeriodsAsync(names, ct)) changed += p.EraseActor(set, PersonRef.ErasedLabel);
        foreach (var p in await db.Set<ReportPublication>().Where(p => names.Contains(p.PublishedBy)).ToListAsync(ct)) { p.ErasePublisher(PersonRef.ErasedLabel); changed++; }
        return changed;
    }

    private Task<List<ReportingPeriod>> PeriodsAsync(List<string> names, CancellationToken ct) =>
        db.Set<ReportingPeriod>().Where(p => (p.ApprovedBy != null && names.Contains(p.ApprovedBy)) || (p.ReopenedBy != null && names.Contains(p.ReopenedBy))).ToListAsync(ct);

    private Task<List<string>> NamesAsync(PersonRef person, CancellationToken ct) => RecordedNames.OfAsync(db, person, ct);
}
