using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Notifications;

public sealed class OutboxPageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_resend_a_failed_email_with_the_keyboard_and_the_page_has_no_accessibility_violation()
    {
        await App.SeedFailedEmailAsync("warmia-mazury", "owes.elblag@example.org", "Zaproszenie na posiedzenie RKRES");
        await SignInAsync(Policies.Roles.Staff, "warmia-mazury");
        await OpenAsync("/warmia-mazury/powiadomienia");

        Assert.Contains("550 Mailbox unavailable", await Page.Locator("table").InnerTextAsync());
        await AssertAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "owes.elblag@example.org" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("[role=status]");

        Assert.Contains("owes.elblag@example.org", await Page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("Brak wiadomości w tym stanie.", await Page.Locator("main").InnerTextAsync());
    }
}
