using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Monitoring;

public sealed class PopulationLoaderTests
{
    private static readonly HashSet<string> Regions = ["mazowsze", "malopolska", "warmia-mazury", "lubelskie"];

    [Fact]
    public void The_repository_file_gives_all_sixteen_voivodeships_with_one_date_and_a_cited_source()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "tenants", PopulationLoader.FileName);

        var data = PopulationLoader.Read(file, file, Regions);

        Assert.Equal(PopulationLoader.Voivodeships.Keys.Order(), data.Voivodeships.Select(v => v.Teryt).Order());
        Assert.StartsWith("https://", data.Url);
        Assert.Equal(new DateOnly(2007, 12, 31), data.ReferenceDate);
        // The sum of the sixteen figures as read from the cited table: guards against a mistyped figure.
        Assert.Equal(38_115_641, data.Voivodeships.Sum(v => v.Population));
        Assert.Equal(5_188_488, data.Voivodeships.Single(v => v.Region == "mazowsze").Population);
        Assert.Equal(Regions.Order(), data.Voivodeships.Where(v => v.Region is not null).Select(v => v.Region!).Order());
        Assert.Contains("31 grudnia 2007", data.Citation);
    }

    [Fact]
    public void An_invalid_file_reports_every_error_with_its_json_path()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            { "referenceDate": "2023-13-45", "source": "GUS", "url": "gus.gov.pl", "extra": true,
              "voivodeships": [
                { "teryt": "03", "name": "dolnośląskie", "population": 1 },
                { "teryt": "14", "name": "mazowsze", "population": 5 },
                { "teryt": "12", "name": "małopolskie", "region": "krakow", "population": 0 },
                { "teryt": "06", "name": "lubelskie", "region": "lubelskie", "population": 2 },
                { "teryt": "06", "name": "lubelskie", "region": "lubelskie", "population": 2 }
              ] }
            """);

        var ex = Assert.Throws<TenantConfigurationException>(() => PopulationLoader.Read(file, "tenants/population.json", Regions));

        Assert.Contains("tenants/population.json: $.referenceDate: '2023-13-45' is not a date", ex.Errors);
        Assert.Contains("tenants/population.json: $.url: 'gus.gov.pl' is not an absolute http(s) address", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/population.json: $.extra: unknown property"));
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/population.json: $.voivodeships[0].teryt: '03' is not the TERYT code"));
        Assert.Contains("tenants/population.json: $.voivodeships[1].name: 'mazowsze' is not the name of voivodeship 14 ('mazowieckie')", ex.Errors);
        Assert.Contains("tenants/population.json: $.voivodeships[2].region: 'krakow' is not a region slug of tenants.json", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/population.json: $.voivodeships[2].population: must be a whole number"));
        Assert.Contains("tenants/population.json: $.voivodeships: voivodeship '06' appears more than once", ex.Errors);
        Assert.Contains("tenants/population.json: $.voivodeships: region 'lubelskie' is given to more than one voivodeship", ex.Errors);
    }
}
