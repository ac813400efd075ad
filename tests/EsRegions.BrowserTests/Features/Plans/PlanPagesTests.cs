using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class PlanPagesTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_open_the_plan_fold_a_goal_filter_by_implementer_and_quarter_and_print_it()
    {
        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roczny Plan Działania dla ekonomii społecznej na 2024 r." }).ClickAsync();
        await Page.WaitForSelectorAsync("details.plan-node");

        Assert.Equal(44, await Page.Locator("table.plan-actions tbody tr").CountAsync());
        Assert.Contains("Załącznik numer 1 do uchwały 4/2024 MKRES z dnia 7 marca 2024 r.", await Page.Locator("p.lead").InnerTextAsync());
        await AssertAccessibleAsync();

        var firstGoal = Page.Locator("details.plan-node").First;
        await firstGoal.Locator("summary").First.ClickAsync();
        Assert.Null(await firstGoal.GetAttributeAsync("open"));

        await Page.GetByLabel("Realizator").SelectOptionAsync("GUS");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await WaitForPageAsync("**realizator=GUS**");
        var rows = Page.Locator("table.plan-actions tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("Diagnoza potrzeb", await rows.First.InnerTextAsync());

        await Page.GetByLabel("Kwartał").SelectOptionAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await WaitForPageAsync("**kwartal=1**");
        Assert.Contains("Żadne działanie nie spełnia warunków filtru.", await Page.Locator("main").InnerTextAsync()); // GUS works II–IV kw.

        await Page.GetByRole(AriaRole.Link, new() { Name = "Widok do druku" }).ClickAsync();
        await WaitForPageAsync("**druk=true**");
        Assert.Equal(7, await Page.Locator("table.plan-actions").First.Locator("thead th").CountAsync());
        Assert.Equal(0, await Page.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).CountAsync());
    }

    [Fact]
    public async Task On_a_phone_the_plans_wide_tables_scroll_in_boxes_reachable_by_keyboard_and_the_page_does_not_scroll_sideways()
    {
        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await Page.SetViewportSizeAsync(375, 740);
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roczny Plan Działania dla ekonomii społecznej na 2024 r." }).ClickAsync();
        await Page.WaitForSelectorAsync("details.plan-node");

        var phone = await ScrollBoxesAsync();
        Assert.True(phone.PageWidth <= 375, $"the page scrolls sideways: {phone.PageWidth} px wide");
        Assert.True(phone.Scrolling > 0, "no table is wider than a phone's screen: the test shows nothing");
        Assert.True(phone.Wrong.Length == 0, "boxes that scroll without a keyboard stop and a name, or the reverse, or repeat a name: " + string.Join(", ", phone.Wrong));
        await AssertAccessibleAsync();

        // On a wide screen the same tables fit: no extra tab stops are left behind.
        await Page.SetViewportSizeAsync(1600, 900);
        await Page.WaitForFunctionAsync("() => document.querySelectorAll('.table-responsive[tabindex]').length < " + phone.Focusable);
        var desktop = await ScrollBoxesAsync();
        Assert.True(desktop.Wrong.Length == 0, "after widening: " + string.Join(", ", desktop.Wrong));
        Assert.True(desktop.Focusable < phone.Focusable, $"{desktop.Focusable} keyboard stops on a wide screen, {phone.Focusable} on a phone");
    }
}
