using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>Implementers enter values only for indicators assigned to their organisation; pages stay within the region.</summary>
public sealed class ImplementerValuesTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private HttpClient Staff => ClientAs(Policies.Roles.Staff, "warmia-mazury");

    [Fact]
    public async Task An_implementer_enters_values_for_the_indicator_assigned_to_their_organisation_only()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var olsztyn = await App.OrganisationIdAsync("warmia-mazury", "OWES Olsztyn");
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/assignment", new { organisationId = olsztyn }, Ct);
        await App.CreateImplementerAsync("owes@olsztyn.example", Password, "warmia-mazury", olsztyn);
        var (implementer, _) = await App.SignInAsync("warmia-mazury", "owes@olsztyn.example", Password);

        var assigned = await implementer.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 100 }, Ct);
        var other = await implementer.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 30 }, Ct);
        var page = await implementer.GetStringAsync($"/warmia-mazury/monitoring/plany/{planId}/okresy/2024", Ct);

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains(indicators[0].Name, page);
        Assert.DoesNotContain(indicators[1].Name, page);
        Assert.Equal(HttpStatusCode.Forbidden, (await implementer.GetAsync($"/warmia-mazury/monitoring/wskazniki/{indicators[1].Id}/2024", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await implementer.PostAsync($"/warmia-mazury/api/v1/plans/{planId}/report/2024/publish", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_monitoring_page_shows_each_period_with_its_due_date_and_how_many_expected_values_came_in()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var olsztyn = await App.OrganisationIdAsync("warmia-mazury", "OWES Olsztyn");
        var elblag = await App.OrganisationIdAsync("warmia-mazury", "OWES Elbląg");
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/assignment", new { organisationId = olsztyn }, Ct);
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/assignment", new { organisationId = olsztyn }, Ct);
        await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[2].Id}/assignment", new { organisationId = elblag }, Ct);
        (await Staff.PutAsJsonAsync($"/warmia-mazury/api/v1/plans/{planId}/periods/2024", new { dueOn = "2025-01-31" }, Ct)).EnsureSuccessStatusCode();
        await App.CreateImplementerAsync("owes@olsztyn.example", Password, "warmia-mazury", olsztyn);
        var (implementer, _) = await App.SignInAsync("warmia-mazury", "owes@olsztyn.example", Password);
        (await implementer.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 100 }, Ct)).EnsureSuccessStatusCode();

        var mine = Row(await implementer.GetStringAsync("/warmia-mazury/monitoring", Ct));
        var all = Row(await Staff.GetStringAsync("/warmia-mazury/monitoring", Ct));

        // The implementer counts their own two indicators, staff all three assigned; the due date passed with values missing.
        Assert.Contains("31 stycznia 2025 r.", mine);
        Assert.Contains("1 z 2", mine);
        Assert.Contains("po terminie", mine);
        Assert.Contains("1 z 3", all);
        Assert.Contains("po terminie", all);

        (await implementer.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 30 }, Ct)).EnsureSuccessStatusCode();
        mine = Row(await implementer.GetStringAsync("/warmia-mazury/monitoring", Ct));
        Assert.Contains("2 z 2", mine);
        Assert.DoesNotContain("po terminie", mine);
        Assert.Contains("po terminie", Row(await Staff.GetStringAsync("/warmia-mazury/monitoring", Ct))); // Elbląg's is still missing

        static string Row(string html)
        {
            var start = html.IndexOf("<caption>Okresy sprawozdawcze i terminy</caption>", StringComparison.Ordinal);
            Assert.True(start >= 0, "the page has no table of reporting periods");
            return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task Another_regions_staff_cannot_open_monitoring_pages_of_this_region()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, "warmia-mazury");
        var lubelskie = ClientAs(Policies.Roles.Staff, "lubelskie");

        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync($"/warmia-mazury/monitoring/plany/{planId}/raport/2024", Ct)).StatusCode);
        foreach (var path in new[] { $"monitoring/plany/{planId}", $"monitoring/plany/{planId}/okresy/2024", $"monitoring/plany/{planId}/raport/2024",
                     $"monitoring/wskazniki/{indicators[0].Id}/2024" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await lubelskie.GetAsync($"/lubelskie/{path}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await lubelskie.GetAsync($"/warmia-mazury/{path}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Staff_enter_a_value_on_the_page_and_an_explanation_is_asked_for_when_it_is_short_of_target()
    {
        var staff = Staff; // one client: the antiforgery cookie of the form must come back with the post
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "warmia-mazury");
        var url = $"/warmia-mazury/monitoring/wskazniki/{indicators[1].Id}/2024";
        var form = await staff.GetStringAsync(url, Ct);

        var response = await staff.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Value"] = "12", ["Form.Comment"] = "", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("wyjaśnij przyczynę w komentarzu", html);
        var report = await staff.GetStringAsync($"/warmia-mazury/monitoring/plany/{planId}/raport/2024", Ct);
        Assert.Contains("brak danych", report);
    }

    [Fact]
    public async Task Approving_a_period_on_the_page_with_values_missing_needs_a_confirmation_that_is_then_honoured()
    {
        var staff = Staff; // one client: the antiforgery cookie of the form must come back with the post
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "warmia-mazury");
        (await staff.PutAsJsonAsync($"/warmia-mazury/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 100 }, Ct)).EnsureSuccessStatusCode();
        var url = $"/warmia-mazury/monitoring/plany/{planId}/okresy/2024";
        var form = await staff.GetStringAsync(url, Ct);
        Assert.Contains($"Bez wartości: {indicators.Count - 1} z {indicators.Count} wskaźników.", form);

        var unconfirmed = await staff.PostAsync(url + "?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        }), Ct);
        var html = await unconfirmed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains($"Wartości nie ma jeszcze {indicators.Count - 1} z {indicators.Count} wskaźników.", html);
        Assert.Equal("open", await StateAsync());

        var confirmed = await staff.PostAsync(url + "?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ApproveIncomplete"] = "true", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("approved", await StateAsync());

        async Task<string?> StateAsync() =>
            (await staff.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/warmia-mazury/api/v1/plans/{planId}/periods", Ct))!
                .SingleOrDefault(p => p.GetProperty("period").GetString() == "2024") is { ValueKind: System.Text.Json.JsonValueKind.Object } p
                ? p.GetProperty("state").GetString() : "open";
    }

    [Fact]
    public async Task Approving_a_period_that_another_tab_approved_meanwhile_shows_the_reason_and_the_way_back()
    {
        var staff = Staff;
        var (planId, _) = await MonitoringPlans.ImportAsync(staff, "warmia-mazury");
        var url = $"/warmia-mazury/monitoring/plany/{planId}/okresy/2024";
        var first = await staff.GetStringAsync(url, Ct);
        var second = await staff.GetStringAsync(url, Ct); // the same form open in another tab
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(first)).StatusCode);

        var late = await ApproveAsync(second);
        var html = await late.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("text/html", late.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Okres 2024 jest już zatwierdzony.", html);
        Assert.Contains($"href=\"{url}\"", html);

        async Task<HttpResponseMessage> ApproveAsync(string form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Approve")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["ApproveIncomplete"] = "true", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
                }),
            };
            request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            return await staff.SendAsync(request, Ct);
        }
    }
}
