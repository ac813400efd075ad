using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Staff compare published values of catalogue indicators across regions: a table, a chart with the same data, CSV and XLSX.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ComparisonPageModel(Comparison comparison, TenantRegistry registry) : PageModel
{
    public IReadOnlyList<CatalogueEntryDto> Catalogue { get; private set; } = [];
    public IReadOnlyList<Tenant> Regions { get; private set; } = [];
    public IReadOnlyList<ComparisonDto> Results { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public List<string> Wskaznik { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? Od { get; set; }
    [BindProperty(SupportsGet = true)] public int? Do { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Region { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Catalogue = await comparison.CatalogueAsync(ct);
        Regions = registry.Active.OrderBy(t => t.Name, StringComparer.Create(new System.Globalization.CultureInfo("pl-PL"), false)).ToList();
        if (Wskaznik.Count == 0) return Page();
        if (Od is null) ModelState.AddModelError(nameof(Od), "Podaj rok początkowy.");
        if (Do is null) ModelState.AddModelError(nameof(Do), "Podaj rok końcowy.");
        else if (Od is not null && Do < Od) ModelState.AddModelError(nameof(Do), "Rok końcowy nie może być wcześniejszy niż początkowy.");
        if (!ModelState.IsValid) return Page();
        var results = new List<ComparisonDto>();
        foreach (var code in Wskaznik.Distinct())
            if (await comparison.CompareAsync(code, Od!.Value, Do!.Value, Region, ct) is { } result) results.Add(result);
        Results = results;
        return Page();
    }

    public string ExportLink(ComparisonDto c, string format) =>
        $"/api/v1/comparison?indicator={Uri.EscapeDataString(c.Indicator)}&from={Od}&to={Do}" +
        (Region.Count > 0 ? "&regions=" + Uri.EscapeDataString(string.Join(',', Region)) : "") + $"&format={format}";
}
