using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>The plan tree (Plans) shows each indicator's status and the roll-up per level for a reporting year.</summary>
public sealed class PlanTreeStatusTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_tree_shows_indicator_status_and_roll_up_of_the_latest_year_with_values_and_a_legend()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        var before = await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct);
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 20, comment = "Mniej PS" }, Ct)).EnsureSuccessStatusCode();

        var html = await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct);
        var otherYear = await staff.GetStringAsync($"/mazowsze/plany/{planId}?rok=2019", Ct);

        Assert.DoesNotContain("Status realizacji wskaźników", before); // no values yet: no status section
        Assert.Contains("Status realizacji wskaźników — 2024", html);
        Assert.Contains("<option value=\"2024\" selected=\"selected\">2024</option>", html);
        // A mark per indicator (achieved, not achieved, two without data), per level (three), for the plan, and one of each in the legend.
        Assert.Equal(1 + 1, Count(html, "data-status=\"achieved\""));
        Assert.Equal(1 + 1, Count(html, "data-status=\"notAchieved\""));
        Assert.Equal(2 + 1, Count(html, "data-status=\"noData\""));
        Assert.Equal(3 + 1 + 1, Count(html, "data-status=\"partlyAchieved\""));
        Assert.Contains("1 z 4 wskaźników osiągniętych", html);
        Assert.Contains("<span aria-hidden=\"true\">✔</span> osiągnięty", html);
        Assert.Contains($"href=\"/mazowsze/monitoring/plany/{planId}/raport/2024\"", html);
        Assert.Contains("Status realizacji wskaźników — 2024", otherYear); // a year without values falls back to the latest
    }

    [Fact]
    public async Task Another_region_cannot_see_the_tree_or_its_status()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();

        var other = await ClientAs(Policies.Roles.Staff, "lubelskie").GetAsync($"/lubelskie/plany/{planId}?rok=2024", Ct);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static int Count(string html, string what) => (html.Length - html.Replace(what, "").Length) / what.Length;
}
