using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Loads tenants/indicator-catalogue.json (format: tenants/INDICATOR-CATALOGUE.md) into the platform tables at start:
/// the file is the source of truth for codes, names, units and populations; codes are never deleted (published
/// values refer to them).
/// </summary>
public sealed partial class IndicatorCatalogueLoader(EsRegionsDbContext db, TenantRegistry registry) : IPlatformDataLoader
{
    public const string FileName = "indicator-catalogue.json";

    public async Task LoadAsync(string tenantsDirectory, CancellationToken ct)
    {
        var path = Path.Combine(tenantsDirectory, FileName);
        if (!File.Exists(path)) return;
        var (indicators, populations) = Read(path, $"tenants/{FileName}", registry.All.Select(t => t.Slug).ToHashSet());
        var known = await db.Set<CatalogueIndicator>().ToDictionaryAsync(c => c.Code, ct);
        foreach (var i in indicators)
        {
            if (known.TryGetValue(i.Code, out var row)) row.Update(i.Name, i.Unit, i.Definition, i.Source, i.Aggregation, i.Per100k, i.Position);
            else db.Add(i);
        }
        var people = await db.Set<RegionPopulation>().ToListAsync(ct);
        foreach (var p in populations)
        {
            var row = people.FirstOrDefault(x => x.Region == p.Region && x.Year == p.Year);
            if (row is null) db.Add(p);
            else row.Update(p.Population, p.Source);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static (List<CatalogueIndicator> Indicators, List<RegionPopulation> Populations) Read(string path, string displayName, IReadOnlySet<string> regions)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var obj = check.AsObject(root, "$", "indicators", "populations");
        var indicators = new List<CatalogueIndicator>();
        var list = check.Array(obj, "$", "indicators", minItems: 1);
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var p = $"$.indicators[{i}]";
            var o = check.AsObject(list[i], p, "code", "name", "unit", "definition", "source", "aggregation", "per100k");
            var code = check.String(o, p, "code", pattern: CodePattern(), patternHint: "a code of capitals, digits, '.', '_' or '-' (at most 40)");
            var name = check.String(o, p, "name");
            var unit = check.String(o, p, "unit");
            var definition = check.String(o, p, "definition");
            var source = check.String(o, p, "source");
            var aggregation = check.String(o, p, "aggregation", pattern: AggregationPattern(), patternHint: "'sum' or 'mean'");
            var per100k = check.Boolean(o, p, "per100k");
            if (code is null || name is null || unit is null || definition is null || source is null || aggregation is null || per100k is null) continue;
            indicators.Add(new CatalogueIndicator(code, name, unit, definition, source,
                aggregation == "sum" ? CatalogueAggregation.Sum : CatalogueAggregation.Mean, per100k.Value, i));
        }
        foreach (var dup in indicators.GroupBy(x => x.Code).Where(g => g.Count() > 1))
            check.Fail("$.indicators", $"code '{dup.Key}' appears more than once");
        var populations = new List<RegionPopulation>();
        var people = check.Array(obj, "$", "populations", required: false);
        for (var i = 0; people is not null && i < people.Count; i++)
        {
            var p = $"$.populations[{i}]";
            var o = check.AsObject(people[i], p, "region", "year", "population", "source");
            var region = check.String(o, p, "region");
            if (region is not null && !regions.Contains(region)) check.Fail($"{p}.region", $"'{region}' is not a region slug of tenants.json");
            var year = Number(check, o, p, "year", 1990, 2100);
            var population = Number(check, o, p, "population", 1, 100_000_000);
            var source = check.String(o, p, "source");
            if (region is not null && year is not null && population is not null && source is not null)
                populations.Add(new RegionPopulation(region, (int)year, population.Value, source));
        }
        foreach (var dup in populations.GroupBy(x => (x.Region, x.Year)).Where(g => g.Count() > 1))
            check.Fail("$.populations", $"region '{dup.Key.Region}' has more than one population for {dup.Key.Year}");
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return (indicators, populations);
    }

    private static long? Number(JsonChecker check, JsonObject? o, string path, string name, long min, long max)
    {
        if (o is null) return null;
        if (o[name] is JsonValue v && v.TryGetValue<long>(out var n) && n >= min && n <= max) return n;
        check.Fail($"{path}.{name}", $"must be a whole number from {min} to {max}");
        return null;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,39}$")] private static partial Regex CodePattern();
    [GeneratedRegex("^(sum|mean)$")] private static partial Regex AggregationPattern();
}
