using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Identity;

public sealed class SignInTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";

    [Fact]
    public async Task Secretary_signs_in_in_polish_and_sees_only_what_the_role_allows()
    {
        await App.CreateUserAsync("sekretarz@mkres.example", Password, "malopolska", Policies.Roles.Secretary);
        await OpenAsync("/malopolska/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" }).ClickAsync();

        Assert.Equal("Logowanie", await Page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync();

        await Page.GetByLabel("Adres e-mail").FillAsync("sekretarz@mkres.example");
        await Page.GetByLabel("Hasło").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await WaitForPageAsync("**/malopolska/");

        Assert.Equal(1, await Page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" }).CountAsync());
        Assert.Equal(0, await Page.GetByRole(AriaRole.Link, new() { Name = "Wysyłka e-maili" }).CountAsync());
        var refused = await OpenAsync("/malopolska/powiadomienia");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("Brak dostępu", await Page.Locator("h1").InnerTextAsync());

        await OpenAsync("/malopolska/konto");
        Assert.Contains("sekretarz komitetu", await Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Wrong_password_shows_a_polish_error_and_the_form_keeps_the_address()
    {
        await OpenAsync("/lubelskie/konto/logowanie");

        await Page.GetByLabel("Adres e-mail").FillAsync("nikt@example.org");
        await Page.GetByLabel("Hasło").FillAsync("nieprawidlowe-haslo");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();

        Assert.Equal("Nieprawidłowy adres e-mail lub hasło.", await Page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("nikt@example.org", await Page.GetByLabel("Adres e-mail").InputValueAsync());
    }
}
