using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class SchedulePageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_see_the_quarter_grid_set_a_tasks_quarters_and_status_and_the_grid_marks_them_with_text()
    {
        await SignInAsync(Policies.Roles.Staff, "mazowsze");
        await OpenAsync("/mazowsze/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Harmonogram opracowania Planu Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030" }).ClickAsync();
        await Page.WaitForSelectorAsync("table.schedule-grid");

        Assert.Equal(7, await Page.Locator("table.schedule-grid thead tr").Nth(1).Locator("th[scope=col]").CountAsync());
        Assert.Equal(14, await Page.Locator("table.schedule-grid tbody th[scope=row]").CountAsync());
        await AssertAccessibleAsync();

        var swot = Page.Locator("table.schedule-grid tbody tr", new() { Has = Page.Locator("th", new() { HasTextString = "Opracowanie analizy SWOT" }) });
        await swot.GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync("**/zadania/*");
        Assert.Empty(await AccessibilityViolationsAsync());
        await Page.GetByLabel("Od kwartału").SelectOptionAsync("2019-Q4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        Assert.Equal("Podaj oba kwartały (od i do) albo żaden.", await Page.Locator("#to-error").InnerTextAsync());

        await Page.GetByLabel("Do kwartału").SelectOptionAsync("2020-Q1");
        await Page.GetByLabel("Status").SelectOptionAsync("inProgress");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await Page.WaitForURLAsync("**/harmonogramy/*#t-*");

        var row = Page.Locator("table.schedule-grid tbody tr", new() { Has = Page.Locator("th", new() { HasTextString = "Opracowanie analizy SWOT" }) });
        Assert.Equal(2, await row.Locator("td.schedule-mark").CountAsync());
        Assert.Equal("zaplanowane", await row.Locator("td.schedule-mark .visually-hidden").First.InnerTextAsync());
        Assert.Contains("w toku", await row.InnerTextAsync());
    }
}
