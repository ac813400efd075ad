using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class PlanStatePageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task On_a_phone_staff_send_the_draft_to_consultation_with_the_keyboard_correct_the_resolution_adopt_and_archive_after_the_question()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(Policies.Roles.Staff, "mazowsze");
        await OpenAsync("/mazowsze/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Plan Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Stan planu: konsultacje, przyjęcie uchwałą, archiwum" }).ClickAsync();
        await WaitForPageAsync("**/stan");
        Assert.Equal("projekt →", (await Page.Locator("[aria-current=step]").InnerTextAsync()).Trim());
        await AssertAccessibleAsync("draft");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Oznacz jako przekazany do konsultacji" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await WaitForPageAsync("**/stan?zrobione=konsultacje");
        Assert.Equal("Plan przekazany do konsultacji.", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("w konsultacjach →", (await Page.Locator("[aria-current=step]").InnerTextAsync()).Trim());

        await Page.GetByLabel("Kto ją podjął").FillAsync("Zarządu Województwa Mazowieckiego");
        await Page.GetByLabel("Data uchwały").FillAsync("2026-11-30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Przyjmij plan" }).ClickAsync();
        Assert.Equal("Podaj numer uchwały, np. „4/2024”.", await Page.Locator("#number-error").InnerTextAsync());
        await AssertAccessibleAsync("refused");
        await Page.GetByLabel("Numer uchwały").FillAsync("1234/2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Przyjmij plan" }).ClickAsync();
        await WaitForPageAsync("**/stan?zrobione=przyjety");
        Assert.Contains("uchwała 1234/2026 Zarządu Województwa Mazowieckiego z dnia 30 listopada 2026 r.",
            await Page.GetByRole(AriaRole.Table).InnerTextAsync());
        Assert.False(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");

        var archive = Page.GetByRole(AriaRole.Button, new() { Name = "Przenieś do archiwum" });
        Assert.StartsWith("Przenieść do archiwum: Plan Rozwoju", await ClickAndAnswerAsync(archive, confirm: false));
        Assert.Equal("przyjęty →", (await Page.Locator("[aria-current=step]").InnerTextAsync()).Trim());
        await ClickAndAnswerAsync(archive, confirm: true);
        await WaitForPageAsync("**/stan?zrobione=archiwum");
        Assert.Equal("archiwalny", (await Page.Locator("[aria-current=step]").InnerTextAsync()).Trim());
        await AssertAccessibleAsync("archived");
    }
}
