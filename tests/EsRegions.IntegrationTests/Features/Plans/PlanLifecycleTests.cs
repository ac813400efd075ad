using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

public sealed class PlanLifecycleTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Staff => ClientAs(Policies.Roles.Staff, "malopolska");

    [Fact]
    public async Task The_adopted_plan_from_the_seed_is_its_frozen_version_1()
    {
        var versions = await Staff.GetFromJsonAsync<List<PlanVersionDto>>($"/malopolska/api/v1/plans/{await PlanIdAsync()}/versions", TestContext.Current.CancellationToken);

        var v1 = Assert.Single(versions!);
        Assert.Equal(1, v1.Number);
        Assert.Equal("Załącznik numer 1 do uchwały 4/2024 MKRES z dnia 7 marca 2024 r.", v1.Resolution);
    }

    [Fact]
    public async Task Versions_of_an_unknown_plan_are_404_not_an_empty_list()
    {
        var response = await Staff.GetAsync($"/malopolska/api/v1/plans/{Guid.NewGuid()}/versions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Changing_an_adopted_plan_opens_version_2_as_a_draft_and_the_diff_shows_each_change_until_it_is_adopted()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await PlanIdAsync();
        var json = await Staff.GetStringAsync($"/malopolska/api/v1/plans/{id}/export?format=json", ct);
        var changed = json
            .Replace("\"text\": \"II-IV kwartał 2024\"", "\"text\": \"III-IV kwartał 2024\"") // every action with that timeframe
            .Replace("\"name\": \"Kompleksowe szkolenia kadry CUS.\"", "\"name\": \"Kompleksowe szkolenia kadry CUS (zmienione).\"");
        Assert.NotEqual(json, changed);

        var update = await Staff.PutAsync($"/malopolska/api/v1/plans/{id}", new StringContent(changed, Encoding.UTF8, "application/json"), ct);
        var summary = await update.Content.ReadFromJsonAsync<PlanSummaryDto>(ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("draft", summary!.Status);

        var diff = await Staff.GetFromJsonAsync<List<PlanChange>>($"/malopolska/api/v1/plans/{id}/diff?from=1", ct);
        var rename = Assert.Single(diff!, c => c.Field == "name");
        Assert.Equal(("I › I.1 › 2 › działanie 1", "Kompleksowe szkolenia kadry CUS.", "Kompleksowe szkolenia kadry CUS (zmienione)."), (rename.Where, rename.Before, rename.After));
        Assert.Equal(json.Split("\"text\": \"II-IV kwartał 2024\"").Length - 1, diff!.Count(c => c.Field == "timeframe"));

        var adoption = await Staff.PostAsJsonAsync($"/malopolska/api/v1/plans/{id}/adoption",
            new AdoptionRequest("uchwała 9/2024 MKRES z dnia 12 września 2024 r.", "9/2024", "MKRES", new DateOnly(2024, 9, 12)), ct);
        Assert.Equal(HttpStatusCode.OK, adoption.StatusCode);
        var versions = await Staff.GetFromJsonAsync<List<PlanVersionDto>>($"/malopolska/api/v1/plans/{id}/versions", ct);
        Assert.Equal([1, 2], versions!.Select(v => v.Number));
        Assert.Equal(diff!.Count, (await Staff.GetFromJsonAsync<List<PlanChange>>($"/malopolska/api/v1/plans/{id}/diff?from=1&to=2", ct))!.Count);
    }

    [Fact]
    public async Task A_transition_the_lifecycle_does_not_allow_is_409_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await PlanIdAsync();

        var response = await Staff.PostAsync($"/malopolska/api/v1/plans/{id}/consultation", null, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Do konsultacji można przekazać tylko projekt planu.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_adoption_without_number_body_or_a_past_date_is_400_naming_each_field_and_adopts_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await DraftAsync();

        var response = await Staff.PostAsJsonAsync($"/malopolska/api/v1/plans/{id}/adoption", new { number = " ", date = "2999-01-01" }, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["body", "date", "number"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Data uchwały nie może być późniejsza niż dziś.", errors.GetProperty("date")[0].GetString());
        Assert.Equal([1], (await Staff.GetFromJsonAsync<List<PlanVersionDto>>($"/malopolska/api/v1/plans/{id}/versions", ct))!.Select(v => v.Number));
        Assert.Equal("draft", (await Staff.GetFromJsonAsync<PlanSummaryDto>($"/malopolska/api/v1/plans/{id}", ct))!.Status);
    }

    [Fact]
    public async Task An_adoption_without_its_wording_records_one_composed_from_number_body_and_date()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await DraftAsync();

        var response = await Staff.PostAsJsonAsync($"/malopolska/api/v1/plans/{id}/adoption", new { number = "9/2024", body = "MKRES", date = "2024-09-12" }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = await Staff.GetFromJsonAsync<List<PlanVersionDto>>($"/malopolska/api/v1/plans/{id}/versions", ct);
        Assert.Equal("uchwała 9/2024 MKRES z dnia 12 września 2024 r.", versions![^1].Resolution);
    }

    /// <summary>The seed's adopted plan, changed so that it is a draft of version 2.</summary>
    private async Task<Guid> DraftAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await PlanIdAsync();
        var json = await Staff.GetStringAsync($"/malopolska/api/v1/plans/{id}/export?format=json", ct);
        (await Staff.PutAsync($"/malopolska/api/v1/plans/{id}", new StringContent(json.Replace("Kompleksowe szkolenia kadry CUS.", "Szkolenia kadry CUS."),
            Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_secretary_may_read_but_not_change_the_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");
        var id = await PlanIdAsync();

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/malopolska/api/v1/plans/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsync($"/malopolska/api/v1/plans/{id}", new StringContent("{}", Encoding.UTF8, "application/json"), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsync($"/malopolska/api/v1/plans/{id}/archive", null, ct)).StatusCode);
    }

    private async Task<Guid> PlanIdAsync() =>
        (await Staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", TestContext.Current.CancellationToken))!.Single().Id;
}
