using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EsRegions.Web.Features.Monitoring;

public sealed record ComparisonPointDto(string Period, decimal Value, decimal? Per100k);
public sealed record ComparisonSeriesDto(string Region, string Name, IReadOnlyList<ComparisonPointDto> Values);
public sealed record ComparisonDto(string Indicator, string Name, string Unit, bool Per100k, IReadOnlyList<ComparisonSeriesDto> Series, IReadOnlyList<string> PopulationSources);
public sealed record CatalogueEntryDto(string Code, string Name, string Unit, string Definition, bool Per100k);

/// <summary>
/// The cross-region read: published values only, from the platform table <see cref="PublishedIndicatorValue"/>.
/// It runs with or without a tenant scope and touches no tenant table, so there is nothing to filter or bypass.
/// Answers are kept in <see cref="ComparisonAnswers"/> until published values, the catalogue or the populations change.
/// </summary>
public sealed class Comparison(EsRegionsDbContext db, TenantRegistry registry, ComparisonReference reference, ComparisonAnswers answers, ChangeFeed feed)
{
    private static readonly StringComparer PolishOrder = StringComparer.Create(new System.Globalization.CultureInfo("pl-PL"), false);

    public Task<List<CatalogueEntryDto>> CatalogueAsync(CancellationToken ct) =>
        db.Set<CatalogueIndicator>().OrderBy(c => c.Position)
            .Select(c => new CatalogueEntryDto(c.Code, c.Name, c.Unit, c.Definition, c.Per100k)).ToListAsync(ct);

    public async Task<ComparisonDto?> CompareAsync(string code, int from, int to, IReadOnlyCollection<string>? regions, CancellationToken ct)
    {
        var active = registry.Active.ToList();
        var wanted = regions is { Count: > 0 } ? regions.ToHashSet(StringComparer.Ordinal) : null;
        // The stamp is taken before the rows are read: a publication in between leaves an answer newer than its key,
        // never an older one under a newer key.
        if (!feed.TryGetStamp(ChangeFeed.Topics.Comparison, out var stamp)) return await ReadAsync(code, from, to, active, wanted, null, ct);
        var key = new ComparisonAnswers.Key(code, from, to,
            wanted is null ? "" : string.Join(',', wanted.Order(StringComparer.Ordinal)), string.Join(',', active.Select(t => t.Slug)), stamp);
        if (answers.TryGet(key, out var cached)) return cached;
        var answer = await ReadAsync(code, from, to, active, wanted, stamp, ct);
        answers.Set(key, answer);
        return answer;
    }

    private async Task<ComparisonDto?> ReadAsync(string code, int from, int to, IReadOnlyList<Tenant> activeRegions, HashSet<string>? wanted,
        ChangeStamp? stamp, CancellationToken ct)
    {
        var (catalogue, allPopulations) = await reference.GetAsync(db, stamp, ct);
        if (!catalogue.TryGetValue(code, out var indicator)) return null;
        var rows = await db.Set<PublishedIndicatorValue>().AsNoTracking()
            .Where(p => p.CatalogueCode == code && p.Year >= from && p.Year <= to)
            .ToListAsync(ct);
        // Regions suspended by the platform administrator drop out of comparisons along with everything else of theirs.
        var active = activeRegions.ToDictionary(t => t.Slug);
        var populations = indicator.Per100k ? allPopulations : [];
        var sources = new SortedSet<string>();
        var series = rows
            .Where(r => active.ContainsKey(r.RegionSlug) && (wanted is null || wanted.Contains(r.RegionSlug)))
            .GroupBy(r => r.RegionSlug)
            .OrderBy(g => active[g.Key].Name, PolishOrder)
            .Select(g => new ComparisonSeriesDto(g.Key, active[g.Key].Name, g.GroupBy(r => r.Year).OrderBy(y => y.Key).Select(y =>
            {
                var value = indicator.Aggregation == CatalogueAggregation.Sum ? y.Sum(r => r.Value) : Math.Round(y.Average(r => r.Value), 2);
                var population = Population(populations, g.Key, y.Key);
                if (population is not null) sources.Add(population.Source);
                return new ComparisonPointDto(y.Key.ToString(), value,
                    population is null ? null : Math.Round(value * 100_000m / population.Population, 2));
            }).ToList()))
            .ToList();
        return new ComparisonDto(indicator.Code, indicator.Name, indicator.Unit, indicator.Per100k, series, sources.ToList());
    }

    /// <summary>The population of the year, else of the nearest earlier year, else of the nearest later one.</summary>
    private static RegionPopulation? Population(IReadOnlyList<RegionPopulation> all, string region, int year)
    {
        var mine = all.Where(p => p.Region == region).ToList();
        return mine.Where(p => p.Year <= year).MaxBy(p => p.Year) ?? mine.Where(p => p.Year > year).MinBy(p => p.Year);
    }
}

/// <summary>
/// The indicator catalogue and the populations, which every comparison needs: platform data that only the platform
/// loaders write (at the deploy step or a start), kept in memory so that a comparison costs one query instead of three
/// (docs/performance.md): until the next change notification (<see cref="ChangeFeed.Topics.Comparison"/>), or for
/// five minutes while notifications cannot be heard. The rows are read untracked and never changed by their readers.
/// </summary>
public sealed class ComparisonReference
{
    private static readonly long LifetimeMs = (long)TimeSpan.FromMinutes(5).TotalMilliseconds;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    private sealed record Snapshot(long LoadedAt, ChangeStamp? Stamp, IReadOnlyDictionary<string, CatalogueIndicator> Catalogue, IReadOnlyList<RegionPopulation> Populations);

    /// <param name="stamp">The comparison topic's stamp taken by the caller before reading (null: notifications are not heard).</param>
    public async Task<(IReadOnlyDictionary<string, CatalogueIndicator> Catalogue, IReadOnlyList<RegionPopulation> Populations)> GetAsync(
        EsRegionsDbContext db, ChangeStamp? stamp, CancellationToken ct)
    {
        var current = _current;
        if (!Fresh(current, stamp))
        {
            await _loading.WaitAsync(ct);
            try
            {
                current = _current;
                if (!Fresh(current, stamp))
                    _current = current = new Snapshot(Environment.TickCount64, stamp,
                        await db.Set<CatalogueIndicator>().AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct),
                        await db.Set<RegionPopulation>().AsNoTracking().ToListAsync(ct));
            }
            finally
            {
                _loading.Release();
            }
        }
        return (current!.Catalogue, current.Populations);
    }

    private static bool Fresh([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Snapshot? snapshot, ChangeStamp? stamp) =>
        snapshot is not null && (stamp is not null
            ? snapshot.Stamp == stamp
            : Environment.TickCount64 - snapshot.LoadedAt <= LifetimeMs);
}

/// <summary>
/// Comparison answers by question (indicator, years, regions, the active regions) and the stamp of the data they were
/// read from (<see cref="ChangeFeed.Topics.Comparison"/>): an answer is served until published values, the catalogue
/// or the populations change; a question with no such indicator is remembered as well. Bounded by
/// <c>Monitoring:ComparisonCacheEntries</c> (default 2,000 answers; one of 16 regions × 10 years is about 10 kB), and
/// none is kept longer than ten minutes.
/// </summary>
public sealed class ComparisonAnswers(IConfiguration configuration)
{
    public sealed record Key(string Indicator, int From, int To, string Regions, string ActiveRegions, ChangeStamp Stamp);

    private sealed record Entry(ComparisonDto? Answer);

    private readonly MemoryCache _answers = new(new MemoryCacheOptions
    {
        SizeLimit = Math.Max(1, configuration.GetValue("Monitoring:ComparisonCacheEntries", 2000)),
    });

    public bool TryGet(Key key, out ComparisonDto? answer)
    {
        answer = null;
        if (!_answers.TryGetValue(key, out Entry? entry)) return false;
        answer = entry!.Answer;
        return true;
    }

    public void Set(Key key, ComparisonDto? answer) =>
        _answers.Set(key, new Entry(answer), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ChangeFeed.LongestKept });
}
