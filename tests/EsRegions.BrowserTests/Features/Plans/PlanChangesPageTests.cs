using System.Net.Http.Json;
using System.Text;
using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class PlanChangesPageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task A_changed_action_shows_as_before_and_after_against_the_adopted_version()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClientAs(Policies.Roles.Staff, "malopolska");
        var id = (await api.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single().Id;
        var json = await api.GetStringAsync($"/malopolska/api/v1/plans/{id}/export?format=json", ct);
        var changed = json.Replace("\"name\": \"Kompleksowe szkolenia kadry CUS.\"", "\"name\": \"Kompleksowe szkolenia kadry CUS w 2025 r.\"");
        (await api.PutAsync($"/malopolska/api/v1/plans/{id}", new StringContent(changed, Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();

        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync($"/malopolska/plany/{id}/zmiany");

        var row = Page.Locator("tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("Kompleksowe szkolenia kadry CUS.", await row.Locator("del").InnerTextAsync());
        Assert.Equal("Kompleksowe szkolenia kadry CUS w 2025 r.", await row.Locator("ins").InnerTextAsync());
        await AssertAccessibleAsync();
    }
}
