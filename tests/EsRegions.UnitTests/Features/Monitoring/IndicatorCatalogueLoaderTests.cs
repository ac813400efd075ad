using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Monitoring;

public sealed class IndicatorCatalogueLoaderTests
{
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
              "populations": [] }
            """);

        var ex = Assert.Throws<TenantConfigurationException>(() => IndicatorCatalogueLoader.Read(file, "tenants/indicator-catalogue.json"));

        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[0].code: 'es.male' is not"));
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[1].aggregation:"));
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.indicators[2].extra: unknown property"));
        // Populations moved to tenants/population.json: the old key is an error, not silently ignored.
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/indicator-catalogue.json: $.populations: unknown property"));
    }

    [Fact]
    public void The_repository_catalogue_is_valid_and_covers_the_national_areas()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "tenants", IndicatorCatalogueLoader.FileName);

        var indicators = IndicatorCatalogueLoader.Read(file, file);

        Assert.Superset(new HashSet<string> { "ES.PS.AKTYWNE", "ES.PS.MIEJSCA_PRACY", "ES.OSOBY_WSPARTE", "ES.JR.CIS", "ES.JR.KIS", "ES.JR.ZAZ", "ES.JR.WTZ",
            "ES.OWES.AKREDYTOWANE", "ES.JST.ZLECAJACE" }, indicators.Select(i => i.Code).ToHashSet());
    }

    [Fact]
    public void Counts_are_comparable_per_100k_and_shares_are_not()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "tenants", IndicatorCatalogueLoader.FileName);

        var indicators = IndicatorCatalogueLoader.Read(file, file);

        Assert.All(indicators.Where(i => i.Unit.Contains('%')), i => Assert.False(i.Per100k, i.Code));
        Assert.True(indicators.Single(i => i.Code == "ES.PS.AKTYWNE").Per100k);
        Assert.True(indicators.Single(i => i.Code == "ES.PS.MIEJSCA_PRACY").Per100k);
        Assert.True(indicators.Single(i => i.Code == "ES.OSOBY_WSPARTE").Per100k);
    }
}
