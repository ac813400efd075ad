using System.Net;
using System.Net.Http.Json;
using System.Text;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Monitoring;

public sealed class ValuesApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Staff => ClientAs(Policies.Roles.Staff, "warmia-mazury");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_enter_a_value_and_the_report_shows_it_with_its_status_rolled_up()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");

        var put = await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 31, comment = "Dane OWES" }, Ct);
        var value = await put.Content.ReadFromJsonAsync<ValueDto>(Ct);
        var report = await Staff.GetFromJsonAsync<ReportDto>($"/warmia-mazury/api/v1/plans/{planId}/report?year=2024", Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("achieved", 31m), (value!.Status, value.Value));
        var node = report!.Nodes.Single();
        var indicator = node.Children!.Single().Actions!.Single().Indicators[1];
        Assert.Equal((31m, "achieved", "Dane OWES"), (indicator.Actual, indicator.Status, indicator.Comment));
        Assert.Equal(("partlyAchieved", 4, 1, 3), (node.Status, node.Summary.Indicators, node.Summary.Achieved, node.Summary.Pending));
    }

    [Fact]
    public async Task A_value_off_target_without_an_explanation_is_400_naming_the_comment()
    {
        var (_, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");

        var response = await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 40 }, Ct);
        var problem = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"comment\"", problem);
        var ok = await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/values/2024",
            new { value = 40, comment = "Nabór ogłoszono w październiku." }, Ct);
        Assert.Equal("partlyAchieved", (await ok.Content.ReadFromJsonAsync<ValueDto>(Ct))!.Status);
    }

    [Fact]
    public async Task A_value_sent_as_ambiguous_text_is_400_naming_the_value_and_stores_nothing()
    {
        var (_, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var url = $"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024";

        var response = await Staff.PutAsJsonAsync(url, new { value = "1,500" }, Ct);
        var problem = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"value\"", problem);
        Assert.Contains("ambiguous", problem);
        Assert.Empty((await Staff.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values", Ct))!);
        var ok = await Staff.PutAsJsonAsync(url, new { value = "31,5", comment = "Dane OWES" }, Ct);
        Assert.Equal(31.5m, (await ok.Content.ReadFromJsonAsync<ValueDto>(Ct))!.Value);
    }

    [Fact]
    public async Task Every_change_is_kept_in_the_history()
    {
        var (_, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var url = $"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values";

        await Staff.PutAsJsonAsync(url + "/2024", new { value = 10, comment = "Wstępnie" }, Ct);
        await Staff.PutAsJsonAsync(url + "/2024", new { value = 35 }, Ct);
        var history = await Staff.GetFromJsonAsync<List<RevisionDto>>(url, Ct);

        Assert.Equal([35m, 10m], history!.Select(h => h.Value!.Value));
        Assert.Equal([null, "Wstępnie"], history!.Select(h => h.Comment));
    }

    [Fact]
    public async Task An_approved_period_is_locked_until_reopened_with_a_reason()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var value = $"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024";
        var period = $"/warmia-mazury/api/v1/plans/{planId}/periods/2024";
        await Staff.PutAsJsonAsync(value, new { value = 30 }, Ct);

        Assert.Equal(HttpStatusCode.OK, (await Staff.PostAsync(period + "/approve", null, Ct)).StatusCode);
        var locked = await Staff.PutAsJsonAsync(value, new { value = 32 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PostAsJsonAsync(period + "/reopen", new { reason = " " }, Ct)).StatusCode);
        var reopened = await Staff.PostAsJsonAsync(period + "/reopen", new { reason = "Korekta danych OWES" }, Ct);
        Assert.Equal("Korekta danych OWES", (await reopened.Content.ReadFromJsonAsync<PeriodDto>(Ct))!.ReopenReason);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PutAsJsonAsync(value, new { value = 32 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Periods_outside_the_plan_or_quarters_not_scheduled_are_400()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var url = $"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/";

        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PutAsJsonAsync(url + "2025", new { value = 3 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PutAsJsonAsync(url + "2024-Q5", new { value = 3 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff.PutAsJsonAsync(url + "2024-Q2", new { value = 3 }, Ct)).StatusCode);
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/plans/{planId}/periods/2024-Q2", new { dueOn = "2024-07-15" }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PutAsJsonAsync(url + "2024-Q2", new { value = 3 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Values_survive_a_whole_document_update_that_recreates_the_indicators()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 33 }, Ct);
        var json = await Staff.GetStringAsync($"/warmia-mazury/api/v1/plans/{planId}/export?format=json", Ct);

        var update = await Staff.PutAsync($"/warmia-mazury/api/v1/plans/{planId}", new StringContent(json.Replace("Dotacje OWES", "Dotacje i doradztwo OWES"), Encoding.UTF8, "application/json"), Ct);
        var after = await MonitoringPlans.IndicatorsAsync(Staff, "warmia-mazury", planId);
        var report = await Staff.GetFromJsonAsync<ReportDto>($"/warmia-mazury/api/v1/plans/{planId}/report?year=2024", Ct);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.NotEqual(indicators[1].Id, after[1].Id);
        var indicator = report!.Nodes.Single().Children!.Single().Actions!.Single().Indicators[1];
        Assert.Equal((after[1].Id, 33m), (indicator.Id, indicator.Actual));
    }

    [Fact]
    public async Task Another_region_cannot_read_or_change_values_nor_reports()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var lubelskie = ClientAs(Policies.Roles.Staff, "lubelskie");
        var id = indicators[1].Id;

        Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.PutAsJsonAsync($"/lubelskie/api/v1/indicators/{id}/values/2024", new { value = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lubelskie.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{id}/values/2024", new { value = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.GetAsync($"/lubelskie/api/v1/indicators/{id}/values", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.GetAsync($"/lubelskie/api/v1/plans/{planId}/report?year=2024", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.PostAsync($"/lubelskie/api/v1/plans/{planId}/report/2024/publish", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.PostAsync($"/lubelskie/api/v1/plans/{planId}/periods/2024/approve", null, Ct)).StatusCode);
        Assert.Empty((await Staff.GetFromJsonAsync<List<RevisionDto>>($"/warmia-mazury/api/v1/indicators/{id}/values", Ct))!);
    }
}
