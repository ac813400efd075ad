using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Monitoring;

public sealed class IndicatorCatalogueLoaderTests
{
    private static readonly HashSet<string> Regions = ["mazowsze", "malopolska"];

    [Fact]
    public void An_invalid_catalogue_reports_every_error_with_its_json_path()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            { "indicators": [
                { "code": "es.male", "name": "X", "unit": "szt.", "definition": "d", "source": "s", "aggregation": "sum", "per100k": true },
                { "code": "ES.A", "name": "A", "unit": "szt.", "definition": "d", "source": "s", "aggregation": "max", "per100k": true },
                { "code": "ES.A", "name": "B", "unit": "szt.", "definition": "d", "source": "s", "aggregation": "sum", "per100k": false, "extra": 1 }
              ],
              "populations": [ { "region": "podlasie", "year": 2023, "population": 0, "source": "GUS" } ] }
            """);

        var ex = Assert.Throws<TenantConfigurationException>(() => IndicatorCatalogueLoader.Read(file, "tenants/indicator-catalogue.json", Regions));

        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[0].code: 'es.male' is not"));
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[1].aggregation:"));
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[2].extra: unknown property"));
        Assert.Contains("tenants/indicator-catalogue.json: $.populations[0].region: 'podlasie' is not a region slug of tenants.json", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.populations[0].population: must be a whole number"));
    }

    [Fact]
    public void The_repository_catalogue_is_valid_and_covers_the_national_areas()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "tenants", IndicatorCatalogueLoader.FileName);

        var (indicators, _) = IndicatorCatalogueLoader.Read(file, file, Regions);

        Assert.Superset(new HashSet<string> { "ES.PS.AKTYWNE", "ES.PS.MIEJSCA_PRACY", "ES.OSOBY_WSPARTE", "ES.JR.CIS", "ES.JR.KIS", "ES.JR.ZAZ", "ES.JR.WTZ",
            "ES.OWES.AKREDYTOWANE", "ES.JST.ZLECAJACE" }, indicators.Select(i => i.Code).ToHashSet());
    }
}
