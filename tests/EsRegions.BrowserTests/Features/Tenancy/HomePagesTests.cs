using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.BrowserTests.Features.Tenancy;

public sealed class HomePagesTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Platform_start_page_renders_the_regions_and_a_click_opens_a_region()
    {
        await OpenAsync("/");

        Assert.Equal(4, await Page.Locator("article.region-card").CountAsync());
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Województwo małopolskie" }).ClickAsync();
        await Page.WaitForURLAsync("**/malopolska/");
        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Krakowie", await Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Tenant_home_page_is_polish_with_the_operator_and_switches_to_english()
    {
        await OpenAsync("/lubelskie/");

        Assert.Equal("pl", await Page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Lublinie", await Page.Locator("main").InnerTextAsync());
        Assert.Equal("rgb(33, 37, 41)", await Page.EvalOnSelectorAsync<string>("body", "b => getComputedStyle(b).color")); // Bootstrap loaded

        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Page.WaitForFunctionAsync("document.documentElement.lang === 'en'");

        Assert.Contains("Lublin Voivodeship", await Page.Locator("h1").InnerTextAsync());
        Assert.EndsWith("/lubelskie/", Page.Url);
        // The interface's own words come from the English resources, not only the region's names from its file.
        Assert.Equal("Home · ROPS Lublin · Lublin Voivodeship", await Page.TitleAsync());
        Assert.Equal(["Committee", "Plan structure", "Contact", "Taking part: residents and organisations"], await Page.Locator("main h2").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Skip_link_is_the_first_thing_the_keyboard_reaches()
    {
        await OpenAsync("/mazowsze/");

        await Page.Keyboard.PressAsync("Tab");

        Assert.Equal("Przejdź do treści", await Page.EvaluateAsync<string>("document.activeElement.textContent"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/mazowsze/")]
    [InlineData("/warmia-mazury/deklaracja-dostepnosci")]
    [InlineData("/no-such-region/")]
    public async Task Axe_finds_no_serious_or_critical_violation(string path)
    {
        await OpenAsync(path);

        var violations = await SeriousAccessibilityViolationsAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
