using EsRegions.BrowserTests.Browser;
using Microsoft.Playwright;
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
        await WaitForPageAsync("**/malopolska/");
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
    public async Task Axe_finds_no_violation(string path)
    {
        await OpenAsync(path);

        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_links_fold_behind_a_menu_button_that_opens_and_closes_by_keyboard()
    {
        await SignInAsync("Staff", "malopolska");
        await Page.SetViewportSizeAsync(375, 740);
        await OpenAsync("/malopolska/");
        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var plans = Page.Locator("#site-nav").GetByRole(AriaRole.Link, new() { Name = "Plany" });

        // Closed, the page starts with its own content: the heading is on the first screen, under the site's name.
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        Assert.False(await plans.IsVisibleAsync());
        Assert.True(await Page.EvaluateAsync<double>("document.querySelector('main h1').getBoundingClientRect().top") < 250);

        await menu.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await plans.IsVisibleAsync());
        await AssertAccessibleAsync();

        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Strona główna", await Page.EvaluateAsync<string>("document.activeElement.textContent"));
        await Page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        Assert.False(await plans.IsVisibleAsync());
        Assert.Equal("true", await Page.EvaluateAsync<string>("String(document.activeElement.hasAttribute('data-nav-toggle'))"));

        // On a wide screen there is no button: the links are always there.
        await Page.SetViewportSizeAsync(1280, 900);
        Assert.False(await menu.IsVisibleAsync());
        Assert.True(await plans.IsVisibleAsync());
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1280)]
    public async Task On_a_laptop_the_header_of_an_administrator_shows_every_link_without_scrolling_sideways(int width)
    {
        await SignInAsync("TenantAdmin", "malopolska");
        await Page.SetViewportSizeAsync(width, 800);
        await OpenAsync("/malopolska/?culture=en-GB&ui-culture=en-GB");

        var pageWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var language = await Page.GetByRole(AriaRole.Link, new() { Name = "Polski" }).BoundingBoxAsync();
        var links = Page.Locator("#site-nav .site-links a");

        Assert.True(pageWidth <= width, $"the page scrolls sideways: {pageWidth} px wide");
        Assert.NotNull(language);
        Assert.True(language.X + language.Width <= width, $"the language switch ends at {language.X + language.Width} px");
        Assert.Equal(9, await links.CountAsync());
        foreach (var link in await links.AllAsync()) Assert.True(await link.IsVisibleAsync(), await link.InnerTextAsync());
    }

    [Fact]
    public async Task On_a_phone_without_script_the_links_stay_open_and_no_button_is_shown()
    {
        await using var context = await Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            Locale = "pl-PL",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/malopolska/");

        Assert.True(await page.Locator("#site-nav").GetByRole(AriaRole.Link, new() { Name = "Zaloguj się" }).IsVisibleAsync());
        Assert.False(await page.Locator("[data-nav-toggle]").IsVisibleAsync());
    }
}
