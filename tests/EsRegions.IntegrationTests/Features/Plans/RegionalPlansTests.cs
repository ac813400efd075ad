using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>The other regions' plans from seeds 000, 003 and 004, loaded from tenants/ at start, as the API shows them.</summary>
public sealed class RegionalPlansTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Mazowsze_plan_2021_2030_is_a_draft_with_its_structure_no_actions_and_its_drafting_schedule()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = ClientAs(Policies.Roles.Staff, "mazowsze");

        var plan = await OnlyPlanAsync("mazowsze");

        Assert.Equal(("Plan Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030", "multiYear", "2021–2030", "draft"),
            (plan.Title, plan.Kind, plan.Years, plan.Status));
        Assert.Equal(["Cel główny", "Cel szczegółowy", "Kierunek interwencji", "Działanie"], plan.Levels);
        Assert.Empty(plan.Nodes);
        Assert.Null(plan.Resolution);
        var schedule = Assert.Single((await client.GetFromJsonAsync<List<ScheduleSummaryDto>>("/mazowsze/api/v1/schedules", ct))!);
        Assert.Equal((plan.Id, "2019-Q3", "2021-Q1"), (schedule.PlanId!.Value, schedule.From, schedule.To));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/mazowsze/plany/{plan.Id}", ct)).StatusCode);
    }

    [Fact]
    public async Task Lubelskie_plan_has_its_five_priorities_verbatim_and_no_years_because_seed_004_gives_none()
    {
        var plan = await OnlyPlanAsync("lubelskie");

        Assert.StartsWith("Wieloletni regionalny plan działań na rzecz promocji i upowszechniania ekonomii społecznej", plan.Title);
        Assert.Equal(("multiYear", "draft"), (plan.Kind, plan.Status));
        Assert.Null(plan.Years);
        Assert.Equal(["Priorytet", "Kierunek interwencji", "Działanie"], plan.Levels);
        Assert.Equal(["1", "2", "3", "4", "5"], plan.Nodes.Select(n => n.Code));
        Assert.All(plan.Nodes, n => Assert.Equal("priority", n.Level));
        Assert.Equal("Instytucjonalne stworzenie zasad rozwoju ES (problematyka prac zespołu ds. ES, forum współpracy z podmiotami ekonomii społecznej, instytucje odpowiedzialne).",
            plan.Nodes[0].Title);
        Assert.Equal("Określenie mechanizmów promocji rozwoju sektora ES w województwie poprzez system oświaty oraz system edukacji dorosłych", plan.Nodes[4].Title);
        Assert.All(plan.Nodes, n => Assert.True(n.Children is null && n.Actions is null));
    }

    [Fact]
    public async Task Warmia_mazury_programme_is_recorded_as_adopted_2021_2025_with_the_resolution_left_empty_and_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = await OnlyPlanAsync("warmia-mazury");

        Assert.Equal(("Wojewódzki Program Rozwoju Ekonomii Społecznej i Solidarnej Warmia i Mazury 2021-2025", "multiYear", "2021–2025", "adopted"),
            (plan.Title, plan.Kind, plan.Years, plan.Status));
        Assert.Null(plan.Resolution);
        Assert.StartsWith("Seed 003 nie podaje uchwały", plan.ResolutionUnknown);
        Assert.Empty(plan.Nodes);
        var versions = await ClientAs(Policies.Roles.Staff, "warmia-mazury")
            .GetFromJsonAsync<List<PlanVersionDto>>($"/warmia-mazury/api/v1/plans/{plan.Id}/versions", ct);
        Assert.Equal(1, Assert.Single(versions!).Number);
    }

    [Fact]
    public async Task The_recorded_plans_export_and_import_back_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var slug in new[] { "mazowsze", "lubelskie", "warmia-mazury" })
        {
            var client = ClientAs(Policies.Roles.Staff, slug);
            var plan = await OnlyPlanAsync(slug);
            var json = await client.GetStringAsync($"/{slug}/api/v1/plans/{plan.Id}/export?format=json", ct);

            var import = await client.PostAsync($"/{slug}/api/v1/plans/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);

            Assert.Equal(HttpStatusCode.Created, import.StatusCode);
            var copy = (await client.GetFromJsonAsync<PlanDto>(import.Headers.Location!.ToString(), ct))!;
            Assert.Equal(json, await client.GetStringAsync($"/{slug}/api/v1/plans/{copy.Id}/export?format=json", ct));
        }
    }

    private async Task<PlanDto> OnlyPlanAsync(string slug)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = ClientAs(Policies.Roles.Staff, slug);
        var id = Assert.Single((await client.GetFromJsonAsync<List<PlanSummaryDto>>($"/{slug}/api/v1/plans", ct))!).Id;
        return (await client.GetFromJsonAsync<PlanDto>($"/{slug}/api/v1/plans/{id}", ct))!;
    }
}
