using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>An annual action plan belongs to the region's multi-year plan: parentPlanId in the API and a link on the page.</summary>
public sealed class AnnualPlanParentTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Mazowsze => ClientAs(Policies.Roles.Staff, "mazowsze");

    private static StringContent Annual(int year, string parent) => new($$"""
        { "title": "Roczny Plan Działania {{year}}", "kind": "annual", "years": { "from": {{year}}, "to": {{year}} }, "status": "draft",
          "parent": {{parent}} }
        """, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_annual_plan_imported_under_the_multi_year_plan_shows_its_parent_in_the_list_the_tree_and_on_both_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var parent = await MultiYearAsync("mazowsze");

        var import = await Mazowsze.PostAsync("/mazowsze/api/v1/plans/import", Annual(2025, $$"""{ "id": "{{parent.Id}}" }"""), ct);

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var annual = (await Mazowsze.GetFromJsonAsync<PlanDto>(import.Headers.Location!.ToString(), ct))!;
        Assert.Equal(parent.Id, annual.ParentPlanId);
        var listed = (await Mazowsze.GetFromJsonAsync<List<PlanSummaryDto>>("/mazowsze/api/v1/plans", ct))!;
        Assert.Equal(parent.Id, listed.Single(p => p.Id == annual.Id).ParentPlanId);
        Assert.Null(listed.Single(p => p.Id == parent.Id).ParentPlanId);
        Assert.Contains($"href=\"/mazowsze/plany/{parent.Id}\"", await Mazowsze.GetStringAsync($"/mazowsze/plany/{annual.Id}", ct));
        Assert.Contains($"href=\"/mazowsze/plany/{annual.Id}\"", await Mazowsze.GetStringAsync($"/mazowsze/plany/{parent.Id}", ct));
        Assert.Contains($"\"parent\": {{\n    \"id\": \"{parent.Id}\"", await Mazowsze.GetStringAsync($"/mazowsze/api/v1/plans/{annual.Id}/export?format=json", ct));
    }

    [Fact]
    public async Task A_parent_from_another_region_or_that_is_not_multi_year_or_does_not_cover_the_year_is_400_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var malopolskaPlan = await MultiYearOrAnnualAsync("malopolska");
        var parent = await MultiYearAsync("mazowsze");

        var foreign = await ErrorsAsync(Annual(2025, $$"""{ "id": "{{malopolskaPlan}}" }"""));
        var outside = await ErrorsAsync(Annual(2031, $$"""{ "id": "{{parent.Id}}" }"""));
        var multiYearChild = await ErrorsAsync(new StringContent($$"""
            { "title": "P", "kind": "multiYear", "years": { "from": 2021, "to": 2022 }, "status": "draft", "parent": { "id": "{{parent.Id}}" } }
            """, Encoding.UTF8, "application/json"));

        Assert.Equal($"the region has no plan {malopolskaPlan}", foreign.GetProperty("$.parent")[0].GetString());
        Assert.StartsWith("must lie within the years of", outside.GetProperty("$.years")[0].GetString());
        Assert.Equal("only an annual action plan belongs to a multi-year plan", multiYearChild.GetProperty("$.parent")[0].GetString());
        Assert.Single((await Mazowsze.GetFromJsonAsync<List<PlanSummaryDto>>("/mazowsze/api/v1/plans", ct))!);
    }

    private async Task<JsonElement> ErrorsAsync(StringContent body)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await Mazowsze.PostAsync("/mazowsze/api/v1/plans/import", body, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
    }

    private async Task<PlanSummaryDto> MultiYearAsync(string slug) =>
        (await ClientAs(Policies.Roles.Staff, slug).GetFromJsonAsync<List<PlanSummaryDto>>($"/{slug}/api/v1/plans", TestContext.Current.CancellationToken))!
        .Single(p => p.Kind == "multiYear");

    private async Task<Guid> MultiYearOrAnnualAsync(string slug) =>
        (await ClientAs(Policies.Roles.Staff, slug).GetFromJsonAsync<List<PlanSummaryDto>>($"/{slug}/api/v1/plans", TestContext.Current.CancellationToken))!
        .First().Id;
}
