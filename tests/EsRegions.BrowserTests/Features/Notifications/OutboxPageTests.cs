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

        // On a phone each message is a block of labelled facts, with the button, and nothing scrolls sideways.
        await Page.SetViewportSizeAsync(375, 740);
        var phone = await ScrollBoxesAsync();
        Assert.True(phone.PageWidth <= 375 && phone.Scrolling == 0, $"the page is {phone.PageWidth} px wide, {phone.Scrolling} table box(es) scroll");
        var to = Page.Locator("table td[data-label='Odbiorca']", new() { HasText = "owes.elblag@example.org" });
        Assert.Equal("Odbiorca", await ColumnLabelAsync(to));
        await AssertAccessibleAsync();
        await Page.SetViewportSizeAsync(1280, 800);

        await Page.GetByRole(AriaRole.Button, new() { Name = "owes.elblag@example.org" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("[role=status]");

        Assert.Contains("owes.elblag@example.org", await Page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("Brak wiadomości w tym stanie.", await Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Staff_find_the_reminders_from_the_delivery_page_and_read_them_on_a_phone()
    {
        await using (var scope = App.ScopeFor("warmia-mazury"))
        {
            await scope.ServiceProvider.GetRequiredService<Reminders>().ScheduleAsync(new ReminderRequest("termEnding", "CommitteeMember",
                Guid.NewGuid(), "Jan Kowalski — RKRES", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), "komitety", []), TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await SignInAsync(Policies.Roles.Staff, "warmia-mazury");
        await Page.SetViewportSizeAsync(375, 740);
        await OpenAsync("/warmia-mazury/powiadomienia");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Przypomnienia: zaplanowane i wysłane" }).ClickAsync();

        await Page.WaitForSelectorAsync("h1:has-text('Przypomnienia')");
        Assert.Contains("Jan Kowalski — RKRES", await Page.Locator("table").First.InnerTextAsync());
        var phone = await ScrollBoxesAsync();
        Assert.True(phone.PageWidth <= 375, $"the page scrolls sideways: {phone.PageWidth} px wide");
        Assert.True(phone.Wrong.Length == 0, "scroll boxes: " + string.Join(", ", phone.Wrong));
        Assert.Equal(0, phone.Scrolling);
        var deadline = Page.Locator("table:has(caption:text('Zaplanowane przypomnienia')) td[data-label='Termin']");
        Assert.Equal("Termin", await ColumnLabelAsync(deadline));
        await AssertAccessibleAsync();

        // Held back with the keyboard: the button names its reminder for a screen reader.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wstrzymaj — Koniec kadencji: Jan Kowalski — RKRES", Exact = false }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("[role=status]");

        Assert.Contains("Przypomnienie wstrzymane: nie zostanie wysłane.", await Page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("Jan Kowalski — RKRES", await Page.Locator("table:has(caption:text('Wstrzymane przypomnienia'))").InnerTextAsync());
        Assert.Contains("Nie zaplanowano żadnego przypomnienia.", await Page.Locator("main").InnerTextAsync());
        Assert.True((await ScrollBoxesAsync()).PageWidth <= 375, "the page with held reminders scrolls sideways");
        await AssertAccessibleAsync();
    }
}
