using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Loads tenants/indicator-catalogue.json (format: tenants/INDICATOR-CATALOGUE.md) into the platform tables at start:
/// the file is the source of truth for codes, names and units; codes are never deleted (published values refer to
/// them). Populations for values per 100 000 inhabitants come from tenants/population.json (<see cref="PopulationLoader"/>).
/// </summary>
public sealed partial class IndicatorCatalogueLoader(EsRegionsDbContext db) : IPlatformDataLoader
{
    public const string FileName = "indicator-catalogue.json";

    public async Task LoadAsync(string tenantsDirectory, CancellationToken ct)
    {
        var path = Path.Combine(tenantsDirectory, FileName);
        if (!File.Exists(path)) return;
        var indicators = Read(path, $"tenants/{FileName}");
        var known = await db.Set<CatalogueIndicator>().ToDictionaryAsync(c => c.Code, ct);
        foreach (var i in indicators)
        {
            if (known.TryGetValue(i.Code, out var row)) row.Update(i.Name, i.Unit, i.Definition, i.Source, i.Aggregation, i.Per100k, i.Position);
            else db.Add(i);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static List<CatalogueIndicator> Read(string path, string displayName)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var obj = check.AsObject(root, "$", "indicators");
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
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return indicators;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,39}$")] private static partial Regex CodePattern();
    [GeneratedRegex("^(sum|mean)$")] private static partial Regex AggregationPattern();
}
