using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>Małopolska's Roczny Plan Działania 2024 (seed 002), loaded from tenants/ at start, read through the API.</summary>
public sealed class PlansApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Malopolska => ClientAs(Policies.Roles.Staff, "malopolska");

    [Fact]
    public async Task Malopolska_annual_plan_2024_is_listed_as_adopted()
    {
        var plans = await Malopolska.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", TestContext.Current.CancellationToken);

        var plan = Assert.Single(plans!);
        Assert.Equal("Roczny Plan Działania dla ekonomii społecznej na 2024 r.", plan.Title);
        Assert.Equal(("annual", "2024", "adopted"), (plan.Kind, plan.Years, plan.Status));
    }

    [Fact]
    public async Task Plan_tree_has_the_documents_shape_actions_budget_and_resolution()
    {
        var plan = await PlanAsync();
        var goals = plan.Nodes;
        var priorities = goals.SelectMany(g => g.Children ?? []).ToList();
        var directions = priorities.SelectMany(p => p.Children ?? []).ToList();
        var actions = directions.SelectMany(d => d.Actions ?? []).ToList();

        Assert.Equal(["Cel szczegółowy", "Priorytet", "Kierunek interwencji", "Działanie"], plan.Levels);
        Assert.Equal(["I", "II", "III", "IV"], goals.Select(g => g.Code));
        Assert.Equal(["I.1", "I.2", "II.1", "II.2", "III.1", "III.2", "IV.1", "IV.2"], priorities.Select(p => p.Code));
        Assert.Equal(18, directions.Count);
        Assert.Equal(44, actions.Count);
        Assert.Equal(59, actions.Sum(a => a.Indicators.Count));
        Assert.Equal(15_630_500m, actions.SelectMany(a => a.Budget).Sum(b => b.Amount ?? 0));
        Assert.Equal("Załącznik numer 1 do uchwały 4/2024 MKRES z dnia 7 marca 2024 r.", plan.Resolution);
        Assert.StartsWith("Współpraca jednostek samorządu terytorialnego i podmiotów ekonomii społecznej", goals[0].Title);
    }

    [Fact]
    public async Task First_action_matches_the_document_row_by_row()
    {
        var plan = await PlanAsync();
        var action = plan.Nodes[0].Children![0].Children![0].Actions![0];

        Assert.Equal("1", action.Code);
        Assert.StartsWith("Diagnoza potrzeb w zakresie usług społecznych", action.Name);
        Assert.Equal("Ad 1) Koncepcja badawcza", action.Product);
        Assert.Equal(["Liczba koncepcji badawczych", "Liczba narzędzi badawczych"], action.Indicators.Select(i => i.Name));
        Assert.All(action.Indicators, i => Assert.Equal(("count", 1m), (i.Target.Kind, i.Target.Value)));
        Assert.Equal("Środki własne realizatorów w ramach projektów FERS, FEdM", Assert.Single(action.Budget).Source);
        Assert.Equal(new TimeframeDto("II-IV kwartał 2024", new DateOnly(2024, 4, 1), new DateOnly(2024, 12, 31)), action.Timeframe);
        Assert.Equal(["Grupa MKRES ds. badań", "GUS", "ROPS"], action.Implementers);
    }

    [Fact]
    public async Task Share_and_text_targets_keep_their_kind_value_and_words()
    {
        var indicators = (await PlanAsync()).Nodes.SelectMany(Flatten).SelectMany(a => a.Indicators).ToList();

        var shares = indicators.Where(i => i.Target.Kind == "share").ToList();
        Assert.Equal([35m, 30m, 60m], shares.Select(s => s.Target.Value!.Value));
        Assert.All(shares, s => Assert.Equal("%", s.Target.Unit));
        var text = Assert.Single(indicators, i => i.Target.Kind == "text");
        Assert.EndsWith("z 3 msc. do 1 msc.", text.Target.Text);
        Assert.Null(text.Target.Value);
    }

    [Fact]
    public async Task Mazowsze_cannot_read_malopolskas_plan_by_id_nor_with_its_token_on_malopolskas_route()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = await PlanAsync();
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/plans/{plan.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/malopolska/api/v1/plans/{plan.Id}", ct)).StatusCode);
        Assert.DoesNotContain((await mazowsze.GetFromJsonAsync<List<PlanSummaryDto>>("/mazowsze/api/v1/plans", ct))!, p => p.Id == plan.Id);
    }

    [Fact]
    public async Task Mazowsze_staff_cannot_open_malopolskas_plan_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await PlanAsync()).Id;
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        Assert.Equal(HttpStatusCode.OK, (await Malopolska.GetAsync($"/malopolska/plany/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/plany/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/malopolska/plany/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/plany/{id}/zmiany", ct)).StatusCode);
    }

    [Fact]
    public async Task The_changes_page_of_a_plan_never_adopted_says_there_is_no_version_yet_instead_of_not_found()
    {
        var ct = TestContext.Current.CancellationToken;
        var lubelskie = ClientAs(Policies.Roles.Staff, "lubelskie");
        var plan = Assert.Single((await lubelskie.GetFromJsonAsync<List<PlanSummaryDto>>("/lubelskie/api/v1/plans", ct))!);
        Assert.Equal("draft", plan.Status);

        var response = await lubelskie.GetAsync($"/lubelskie/plany/{plan.Id}/zmiany", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("Plan nie ma jeszcze przyjętej wersji.", html);
        Assert.DoesNotContain("Porównaj", html);
    }

    [Fact]
    public async Task Loading_tenant_data_again_does_not_duplicate_the_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.Services.GetRequiredService<TenantDataLoading>().LoadAllAsync(ct);

        Assert.Single((await Malopolska.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!);
    }

    private async Task<PlanDto> PlanAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await Malopolska.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single().Id;
        return (await Malopolska.GetFromJsonAsync<PlanDto>($"/malopolska/api/v1/plans/{id}", ct))!;
    }

    private static IEnumerable<ActionDto> Flatten(NodeDto node) =>
        (node.Actions ?? []).Concat((node.Children ?? []).SelectMany(Flatten));
}
