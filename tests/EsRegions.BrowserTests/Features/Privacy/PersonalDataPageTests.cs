using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Privacy;

public sealed class PersonalDataPageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Region_admin_finds_a_person_and_erases_their_data_with_the_keyboard_and_every_step_is_axe_clean()
    {
        await App.SeedFailedEmailAsync("lubelskie", "anna.lis@example.org", "Zaproszenie na posiedzenie zespołu");
        await SignInAsync(Policies.Roles.TenantAdmin, "lubelskie");
        await OpenAsync("/lubelskie/admin/dane-osobowe");
        await AssertAccessibleAsync();

        await Page.GetByLabel("Adres e-mail").FillAsync("anna.lis@example.org");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("#preview-heading");
        Assert.Contains("Wiadomości e-mail\t1", await Page.Locator("table").First.InnerTextAsync());
        await AssertAccessibleAsync();

        // Without a reason and the confirmation nothing happens; the messages stand next to their fields.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Usuń dane" }).ClickAsync();
        await Page.WaitForSelectorAsync("#reason-error:has-text('Podaj podstawę')");
        Assert.Contains("Zaznacz potwierdzenie", await Page.Locator("#confirm-error").InnerTextAsync());
        await AssertAccessibleAsync();

        await Page.GetByLabel("Podstawa usunięcia").FillAsync("Żądanie osoby z dnia 20 listopada 2026 r.");
        await Page.GetByLabel("Potwierdzam trwałe usunięcie").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Usuń dane" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("text=Usunięto lub zanonimizowano 1 rekordów.");
        Assert.DoesNotContain("anna.lis@example.org", await Page.Locator("main").InnerTextAsync());
        await AssertAccessibleAsync();
    }
}
