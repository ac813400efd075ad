using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class ActionEditorTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_add_an_action_under_a_direction_then_an_indicator_and_a_budget_line_with_errors_next_to_the_fields()
    {
        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roczny Plan Działania dla ekonomii społecznej na 2024 r." }).ClickAsync();
        await WaitForPageAsync("**/plany/*");
        await Page.Locator("a[href*='nowe-dzialanie']").First.ClickAsync();
        await WaitForPageAsync("**/nowe-dzialanie?kierunek=*");
        await AssertAccessibleAsync();

        await Page.GetByLabel("Numer działania").FillAsync("4");
        await Page.GetByLabel("Nazwa działania").FillAsync("Spotkania sieciujące PES i JST.");
        await Page.GetByLabel("Termin realizacji").FillAsync("III-IV kwartał 2024");
        await Page.GetByLabel("Realizatorzy (jeden w wierszu)").FillAsync("ROPS\nOWES");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Dodaj działanie" }).ClickAsync();
        await WaitForPageAsync("**/edycja");
        await AssertAccessibleAsync();

        await Page.GetByLabel("Nazwa wskaźnika").FillAsync("Liczba spotkań");
        await Page.GetByLabel("Wskaźnik, jak zapisano w planie").FillAsync("Liczba spotkań – 4");
        await Page.GetByLabel("Kwota (zł)").FillAsync("dużo");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        Assert.Equal("Podaj wartość docelową (liczbę).", await Page.Locator("#ind-0-value-error").InnerTextAsync());
        Assert.Equal("Kwota musi być liczbą w złotych, np. 180 000.", await Page.Locator("#budget-0-amount-error").InnerTextAsync());
        Assert.Equal("Podaj źródło finansowania, np. FEdM.", await Page.Locator("#budget-0-source-error").InnerTextAsync());

        await Page.GetByLabel("Wartość docelowa").FillAsync("4");
        await Page.GetByLabel("Kwota (zł)").FillAsync("10 000");
        await Page.GetByLabel("Źródło finansowania").FillAsync("FEdM");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync("**/plany/*#a-*");

        var row = Page.Locator("table.plan-actions tbody tr", new() { HasTextString = "Spotkania sieciujące PES i JST." });
        Assert.Contains("Liczba spotkań – 4", await row.InnerTextAsync());
        Assert.Contains("10 000 zł, FEdM", (await row.InnerTextAsync()).Replace('\u00a0', ' ').Replace('\u202f', ' '));
        Assert.StartsWith("4. Spotkania", (await row.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal(45, await Page.Locator("table.plan-actions tbody tr").CountAsync());
        Assert.Contains("projekt", await Page.Locator("p.lead").InnerTextAsync());
    }

    [Fact]
    public async Task Staff_renumber_and_move_an_action_remove_an_indicator_and_then_delete_the_action()
    {
        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roczny Plan Działania dla ekonomii społecznej na 2024 r." }).ClickAsync();
        await WaitForPageAsync("**/plany/*");
        await Page.GetByRole(AriaRole.Link, new() { Name = "1. Kompleksowe szkolenia kadry CUS." }).ClickAsync();
        await WaitForPageAsync("**/edycja");
        var indicators = await Page.Locator("input[id$='-name'][id^='ind-']").CountAsync();

        await Page.GetByLabel("Numer działania").FillAsync("7");
        var target = await Page.Locator("#node option").Last.GetAttributeAsync("value");
        await Page.GetByLabel("Kierunek interwencji").SelectOptionAsync(target!);
        await Page.Locator("#ind-0-remove").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync("**/plany/*#a-*");

        var lastTable = Page.Locator("table.plan-actions").Last;
        var moved = lastTable.Locator("tbody tr", new() { HasTextString = "Kompleksowe szkolenia kadry CUS." });
        Assert.StartsWith("7. Kompleksowe", (await moved.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal(indicators - 2, await moved.Locator("td ul").First.Locator("li").CountAsync()); // one removed, the blank row adds none

        await moved.GetByRole(AriaRole.Link).ClickAsync();
        await WaitForPageAsync("**/edycja");
        // Deleting asks first; answered "no", nothing is sent and the action stays.
        var delete = Page.GetByRole(AriaRole.Button, new() { Name = "Usuń działanie 7" });
        Assert.Equal("Usunąć działanie 7 z planu razem z jego wskaźnikami i budżetem?", await ClickAndAnswerAsync(delete, confirm: false));
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/edycja", Page.Url);
        await ClickAndAnswerAsync(delete, confirm: true);
        await WaitForPageAsync("**/plany/*");
        Assert.Equal(43, await Page.Locator("table.plan-actions tbody tr").CountAsync());
        Assert.Equal(0, await Page.Locator("table.plan-actions tbody tr", new() { HasTextString = "Kompleksowe szkolenia kadry CUS." }).CountAsync());
    }
}
