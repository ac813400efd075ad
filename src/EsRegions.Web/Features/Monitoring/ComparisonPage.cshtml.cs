using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Staff compare published values of catalogue indicators across regions: a table, a chart with the same data, CSV and XLSX.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ComparisonPageModel(Comparison comparison, TenantRegistry registry, IStringLocalizer<SharedResource> l) : PageModel
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
        if (Od is null) ModelState.AddModelError(nameof(Od), l["Podaj rok początkowy."]);
        if (Do is null) ModelState.AddModelError(nameof(Do), l["Podaj rok końcowy."]);
        else if (Od is not null && Do < Od) ModelState.AddModelError(nameof(Do), l["Rok końcowy nie może być wcześniejszy niż początkowy."]);
        if (!ModelState.IsValid) return Page();
        var results = new List<ComparisonDto>();
        foreach (var code in Wskaznik.Distinct())
            if (await comparison.CompareAsync(code, Od!.Value, Do!.Value, Region, ct) is { } result) results.Add(result);
        Results = results;
        return Page();
    }

    /// <summary>
    /// CSV or XLSX of one indicator, served by this tenant page itself (not the platform API, which answers only on
    /// the platform's address), so the link works whether the region is reached by /{slug}/ or by its own host name.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Wskaznik.Count != 1 || Od is null || Do is null || Do < Od || format is not ("csv" or "xlsx")) return BadRequest();
        if (await comparison.CompareAsync(Wskaznik[0], Od.Value, Do.Value, Region, ct) is not { } result) return NotFound();
        return format == "csv"
            ? File(ComparisonExport.Csv(result), "text/csv; charset=utf-8", $"porownanie-{result.Indicator}.csv")
            : File(ComparisonExport.Xlsx(result), ReportSpreadsheet.ContentType, $"porownanie-{result.Indicator}.xlsx");
    }

    /// <summary>Relative to the region's path base: "/mazowsze/monitoring/…" or, on the region's host, "/monitoring/…".</summary>
    public string ExportLink(ComparisonDto c, string format) =>
        $"{Request.PathBase}/monitoring/porownanie?handler=Export&wskaznik={Uri.EscapeDataString(c.Indicator)}&od={Od}&do={Do}" +
        string.Concat(Region.Select(r => "&region=" + Uri.EscapeDataString(r))) + $"&format={format}";
}
