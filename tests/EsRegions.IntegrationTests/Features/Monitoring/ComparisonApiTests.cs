using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>Publication and the cross-region comparison: published values only, readable by staff of any region.</summary>
public sealed class ComparisonApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Jobs = MonitoringPlans.JobsCode;

    private async Task<Guid> ReportAsync(string slug, decimal jobs, decimal enterprises, bool publish)
    {
        var staff = ClientAs(Policies.Roles.Staff, slug);
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, slug);
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = jobs, comment = "Dane OWES" }, Ct)).EnsureSuccessStatusCode();
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = enterprises, comment = "Rejestr PS" }, Ct)).EnsureSuccessStatusCode();
        if (publish) (await staff.PostAsync($"/{slug}/api/v1/plans/{planId}/report/2024/publish", null, Ct)).EnsureSuccessStatusCode();
        return planId;
    }

    [Fact]
    public async Task Values_published_by_two_regions_are_compared_from_a_third_and_unpublished_ones_never_appear()
    {
        await ReportAsync("mazowsze", 120, 40, publish: true);
        await ReportAsync("malopolska", 95, 31, publish: true);
        await ReportAsync("lubelskie", 70, 12, publish: false);
        var warmia = ClientAs(Policies.Roles.Staff, "warmia-mazury");

        var result = await warmia.GetFromJsonAsync<ComparisonDto>($"/api/v1/comparison?indicator={Jobs}&from=2023&to=2025", Ct);

        Assert.Equal((Jobs, "miejsca pracy"), (result!.Indicator, result.Unit));
        Assert.Equal(["malopolska", "mazowsze"], result.Series.Select(s => s.Region).Order());
        Assert.Equal(120m, result.Series.Single(s => s.Region == "mazowsze").Values.Single().Value);
        Assert.Equal("2024", result.Series.Single(s => s.Region == "malopolska").Values.Single().Period);
        var lubelskie = await warmia.GetFromJsonAsync<ComparisonDto>($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024&regions=lubelskie", Ct);
        Assert.Empty(lubelskie!.Series);
    }

    [Fact]
    public async Task Publishing_again_replaces_the_earlier_publication_and_only_the_chosen_regions_are_returned()
    {
        var planId = await ReportAsync("mazowsze", 120, 40, publish: true);
        await ReportAsync("malopolska", 95, 31, publish: true);
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");
        var indicators = await MonitoringPlans.IndicatorsAsync(mazowsze, "mazowsze", planId);
        await mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 130 }, Ct);

        Assert.Equal(120m, (await Compare("mazowsze")).Single().Values.Single().Value); // not yet published
        var again = await mazowsze.PostAsync($"/mazowsze/api/v1/plans/{planId}/report/2024/publish", null, Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(130m, (await Compare("mazowsze")).Single().Values.Single().Value);

        async Task<IReadOnlyList<ComparisonSeriesDto>> Compare(string regions) =>
            (await ClientAs(Policies.Roles.Staff, "lubelskie").GetFromJsonAsync<ComparisonDto>($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024&regions={regions}", Ct))!.Series;
    }

    [Fact]
    public async Task Comparison_without_a_token_is_401_and_for_a_committee_member_403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024", Ct)).StatusCode);
        var member = ClientAs(Policies.Roles.CommitteeMember, "mazowsze");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_lists_codes_names_and_units_to_anyone()
    {
        var catalogue = await Client.GetFromJsonAsync<List<CatalogueEntryDto>>("/api/v1/indicator-catalogue", Ct);

        var jobs = Assert.Single(catalogue!, c => c.Code == Jobs);
        Assert.Equal(("Liczba miejsc pracy utworzonych w przedsiębiorstwach społecznych", "miejsca pracy"), (jobs.Name, jobs.Unit));
        Assert.Contains(catalogue!, c => c.Code == "ES.JR.CIS");
        Assert.Contains(catalogue!, c => c.Code == "ES.OWES.AKREDYTOWANE");
    }

    [Fact]
    public async Task Comparison_exports_csv_and_xlsx()
    {
        await ReportAsync("mazowsze", 120, 40, publish: true);
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");

        var csv = await staff.GetStringAsync($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024&format=csv", Ct);
        var xlsx = await staff.GetAsync($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024&format=xlsx", Ct);

        Assert.Contains("Województwo mazowieckie;2024;120;2,31", csv);
        Assert.Contains("Na 100 tys. mieszkańców", csv);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        var row = book.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == "Województwo mazowieckie");
        Assert.Equal((120d, 2.31d), (row.Cell(3).GetDouble(), row.Cell(4).GetDouble()));
    }

    [Fact]
    public async Task Counts_are_given_per_100k_inhabitants_from_the_cited_population_in_api_and_page()
    {
        await ReportAsync("mazowsze", 120, 40, publish: true);
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");

        var jobs = await staff.GetFromJsonAsync<ComparisonDto>($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024", Ct);
        var page = await staff.GetStringAsync($"/lubelskie/monitoring/porownanie?wskaznik={Jobs}&od=2024&do=2024", Ct);

        // 120 jobs in a voivodeship of 5 188 488 inhabitants (GUS, 31 XII 2007) = 2.31 per 100 000.
        Assert.True(jobs!.Per100k);
        Assert.Equal(2.31m, jobs.Series.Single().Values.Single().Per100k);
        Assert.Contains(jobs.PopulationSources, s => s.Contains("31 grudnia 2007") && s.Contains("https://"));
        Assert.Contains("<td class=\"text-end\">2,31</td>", page);
        Assert.Contains("31 grudnia 2007", page);
    }

    [Fact]
    public async Task Staff_map_an_indicator_to_a_catalogue_code_and_an_unknown_code_is_400()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        var url = $"/mazowsze/api/v1/indicators/{indicators[2].Id}/catalogue-code";

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutAsJsonAsync(url, new { code = "NIE.MA" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync(url, new { code = "RPD.ODSETEK_MIEJSC_PRACY_NAJTRUDNIEJSZA" }, Ct)).StatusCode);
        Assert.Equal("RPD.ODSETEK_MIEJSC_PRACY_NAJTRUDNIEJSZA", (await MonitoringPlans.IndicatorsAsync(staff, "mazowsze", planId))[2].CatalogueCode);
        var other = ClientAs(Policies.Roles.Staff, "lubelskie");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/lubelskie/api/v1/indicators/{indicators[2].Id}/catalogue-code", new { code = "ES.JR.CIS" }, Ct)).StatusCode);
    }
}
