using EsRegions.Web.Features.Committees;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The calendar pages' filters (query string in Polish: ?rok=2022&amp;miesiac=3&amp;komitet=…&amp;rodzaj=sitting).</summary>
public sealed class CalendarFilter
{
    public int? Rok { get; set; }
    public int? Miesiac { get; set; }
    public Guid? Komitet { get; set; }
    public MeetingKind? Rodzaj { get; set; }

    public string Query(int? year = null, int? month = null) =>
        string.Join("&", new[]
        {
            $"rok={year ?? Rok}", (month ?? Miesiac) is { } m ? $"miesiac={m}" : null,
            Komitet is { } k ? $"komitet={k}" : null, Rodzaj is { } r ? $"rodzaj={r}" : null,
        }.Where(s => s is not null));
}

/// <summary>Loads calendar entries overlapping a span of days, filtered by committee and kind, with the committees' names.</summary>
public sealed class CalendarQuery(EsRegionsDbContext db)
{
    public async Task<IReadOnlyList<Meeting>> BetweenAsync(DateOnly from, DateOnly to, CalendarFilter filter, CancellationToken ct)
    {
        var q = db.Set<Meeting>().Where(m => m.Date.To >= from && m.Date.From <= to);
        if (filter.Komitet is { } c) q = q.Where(m => m.CommitteeId == c);
        if (filter.Rodzaj is { } k) q = q.Where(m => m.Kind == k);
        return await q.OrderBy(m => m.Date.From).ThenBy(m => m.StartsAt).ThenBy(m => m.SourceKey).ThenBy(m => m.Title).ToListAsync(ct);
    }

    public async Task<Dictionary<Guid, string>> CommitteeNamesAsync(CancellationToken ct) =>
        await db.Set<Committee>().OrderBy(c => c.Name).ToDictionaryAsync(c => c.Id, c => c.ShortName ?? c.Name, ct);
}
