using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class EditActionTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_edit_an_action_see_field_errors_and_the_change_opens_version_2()
    {
        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roczny Plan Działania dla ekonomii społecznej na 2024 r." }).ClickAsync();
        await WaitForPageAsync("**/plany/*");
        await Page.GetByRole(AriaRole.Link, new() { Name = "1. Kompleksowe szkolenia kadry CUS." }).ClickAsync();
        await WaitForPageAsync("**/edycja");
        await AssertAccessibleAsync();

        await Page.GetByLabel("Nazwa działania").FillAsync("");
        await Page.GetByLabel("Termin realizacji").FillAsync("kiedyś");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        Assert.Equal("Podaj nazwę działania.", await Page.Locator("#name-error").InnerTextAsync());
        Assert.StartsWith("Nie rozpoznano okresu", await Page.Locator("#timeframe-error").InnerTextAsync());

        await Page.GetByLabel("Nazwa działania").FillAsync("Kompleksowe szkolenia kadry CUS i OPS.");
        await Page.GetByLabel("Termin realizacji").FillAsync("III-IV kwartał 2024");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync("**/plany/*#a-*");

        Assert.Contains("projekt", await Page.Locator("p.lead").InnerTextAsync());
        Assert.Contains("Kompleksowe szkolenia kadry CUS i OPS.", await Page.Locator("main").InnerTextAsync());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Zmiany" }).ClickAsync();
        Assert.Equal(2, await Page.Locator("tbody tr").CountAsync()); // name and timeframe
    }
}
