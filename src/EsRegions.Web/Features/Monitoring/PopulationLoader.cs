using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>One voivodeship's population as read from tenants/population.json.</summary>
public sealed record VoivodeshipPopulation(string Teryt, string Name, string? Region, long Population);

/// <summary>The whole population file: one reference date and one cited source for every voivodeship.</summary>
public sealed record PopulationData(DateOnly ReferenceDate, string Source, string Url, IReadOnlyList<VoivodeshipPopulation> Voivodeships)
{
    /// <summary>How the figure is cited under a comparison: source, reference date, address.</summary>
    public string Citation => $"{Source}; stan na {ReferenceDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("pl-PL"))}; {Url}";
}

/// <summary>
/// Loads tenants/population.json (format: tenants/INDICATOR-CATALOGUE.md) at start: the population of the sixteen
/// voivodeships (keyed by TERYT code), with its source and reference date, for values per 100 000 inhabitants.
/// Voivodeships that are regions of this platform ("region": a slug of tenants.json) are written to the platform
/// table region_populations; the file is the source of truth, so rows it no longer gives are removed.
/// </summary>
public sealed partial class PopulationLoader(EsRegionsDbContext db, TenantRegistry registry) : IPlatformDataLoader
{
    public const string FileName = "population.json";

    /// <summary>The sixteen voivodeships by TERYT code (GUS register of territorial division).</summary>
    public static readonly IReadOnlyDictionary<string, string> Voivodeships = new Dictionary<string, string>
    {
        ["02"] = "dolnośląskie", ["04"] = "kujawsko-pomorskie", ["06"] = "lubelskie", ["08"] = "lubuskie",
        ["10"] = "łódzkie", ["12"] = "małopolskie", ["14"] = "mazowieckie", ["16"] = "opolskie",
        ["18"] = "podkarpackie", ["20"] = "podlaskie", ["22"] = "pomorskie", ["24"] = "śląskie",
        ["26"] = "świętokrzyskie", ["28"] = "warmińsko-mazurskie", ["30"] = "wielkopolskie", ["32"] = "zachodniopomorskie",
    };

    public async Task LoadAsync(string tenantsDirectory, CancellationToken ct)
    {
        var path = Path.Combine(tenantsDirectory, FileName);
        var wanted = new List<RegionPopulation>();
        if (File.Exists(path))
        {
            var data = Read(path, $"tenants/{FileName}", registry.All.Select(t => t.Slug).ToHashSet());
            wanted = data.Voivodeships.Where(v => v.Region is not null)
                .Select(v => new RegionPopulation(v.Region!, data.ReferenceDate.Year, v.Population, data.Citation)).ToList();
        }
        var rows = await db.Set<RegionPopulation>().ToListAsync(ct);
        foreach (var p in wanted)
        {
            var row = rows.FirstOrDefault(x => x.Region == p.Region && x.Year == p.Year);
            if (row is null) db.Add(p);
            else row.Update(p.Population, p.Source);
        }
        db.RemoveRange(rows.Where(r => !wanted.Any(p => p.Region == r.Region && p.Year == r.Year)));
        await db.SaveChangesAsync(ct);
    }

    internal static PopulationData Read(string path, string displayName, IReadOnlySet<string> regions)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var obj = check.AsObject(root, "$", "referenceDate", "source", "url", "voivodeships");
        var dateText = check.String(obj, "$", "referenceDate", pattern: DatePattern(), patternHint: "a date YYYY-MM-DD");
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else check.Fail("$.referenceDate", $"'{dateText}' is not a date");
        }
        var source = check.String(obj, "$", "source");
        var url = check.String(obj, "$", "url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            check.Fail("$.url", $"'{url}' is not an absolute http(s) address");
        else if (source is not null && url is not null && (source.Length + url.Length + 30) > 300)
            check.Fail("$.source", "source and url together must be at most 270 characters");
        var list = check.Array(obj, "$", "voivodeships", minItems: 1);
        var voivodeships = new List<VoivodeshipPopulation>();
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var p = $"$.voivodeships[{i}]";
            var o = check.AsObject(list[i], p, "teryt", "name", "region", "population");
            var teryt = check.String(o, p, "teryt");
            var name = check.String(o, p, "name");
            var region = check.String(o, p, "region", required: false);
            if (teryt is not null && !Voivodeships.ContainsKey(teryt))
                check.Fail($"{p}.teryt", $"'{teryt}' is not the TERYT code of a voivodeship (02, 04, … 32)");
            else if (teryt is not null && name is not null && Voivodeships[teryt] != name)
                check.Fail($"{p}.name", $"'{name}' is not the name of voivodeship {teryt} ('{Voivodeships[teryt]}')");
            if (region is not null && !regions.Contains(region)) check.Fail($"{p}.region", $"'{region}' is not a region slug of tenants.json");
            long? population = null;
            if (o is not null)
            {
                if (o["population"] is JsonValue v && v.TryGetValue<long>(out var n) && n is >= 1 and <= 100_000_000) population = n;
                else check.Fail($"{p}.population", "must be a whole number from 1 to 100000000");
            }
            if (teryt is not null && name is not null && population is not null)
                voivodeships.Add(new VoivodeshipPopulation(teryt, name, region, population.Value));
        }
        foreach (var dup in voivodeships.GroupBy(v => v.Teryt).Where(g => g.Count() > 1))
            check.Fail("$.voivodeships", $"voivodeship '{dup.Key}' appears more than once");
        foreach (var dup in voivodeships.Where(v => v.Region is not null).GroupBy(v => v.Region).Where(g => g.Count() > 1))
            check.Fail("$.voivodeships", $"region '{dup.Key}' is given to more than one voivodeship");
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return new PopulationData(date!.Value, source!, url!, voivodeships);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")] private static partial Regex DatePattern();
}
