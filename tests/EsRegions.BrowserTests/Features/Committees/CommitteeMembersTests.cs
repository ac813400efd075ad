using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Committees;

/// <summary>A secretary adds a member, corrects the address on the member's page and records the day the member resigned.</summary>
public sealed class CommitteeMembersTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Secretary_corrects_a_members_address_and_records_the_day_the_member_resigned_after_confirming()
    {
        await SignInAsync(Policies.Roles.Secretary, "malopolska");
        await AddMariaAsync();

        await Maria().GetByRole(AriaRole.Link, new() { Name = "Zmień" }).ClickAsync();
        await WaitForPageAsync("**/czlonkowie/*");
        await AssertAccessibleAsync();
        Assert.Equal("maria@owes.example", await Page.GetByLabel("E-mail").InputValueAsync());
        await Page.GetByLabel("E-mail").FillAsync("m.wisniewska@owes.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync("**#sklad");

        await Maria().GetByRole(AriaRole.Link, new() { Name = "Zmień" }).ClickAsync();
        await WaitForPageAsync("**/czlonkowie/*");
        Assert.Equal("m.wisniewska@owes.example", await Page.GetByLabel("E-mail").InputValueAsync());
        var end = Page.GetByRole(AriaRole.Button, new() { Name = "Zakończ członkostwo" });
        await Page.GetByLabel("Data zakończenia członkostwa").FillAsync("2026-01-10");
        Assert.Equal("Zakończyć członkostwo: Maria Wiśniewska?", await ClickAndAnswerAsync(end, confirm: true));
        await WaitForPageAsync("**#zakonczenie");
        Assert.Equal("Kadencja zaczęła się 15 stycznia 2026 r.: członkostwo nie mogło skończyć się wcześniej.",
            (await Page.Locator("#left-err").InnerTextAsync()).Trim());
        await AssertAccessibleAsync("the date's error");

        await Page.GetByLabel("Data zakończenia członkostwa").FillAsync("2026-03-31");
        await ClickAndAnswerAsync(end, confirm: true);
        await WaitForPageAsync("**#sklad");
        // Former members are listed apart, folded.
        Assert.Equal("Obecnie nikt nie zasiada w tym zespole.", (await Page.Locator("#sklad + p").InnerTextAsync()).Trim());
        await Page.Locator("summary", new() { HasTextString = "Byli członkowie (1)" }).ClickAsync();
        await AssertAccessibleAsync("former members");
        Assert.Contains("zakończył(a) członkostwo 31.03.2026", await Maria().InnerTextAsync());
        Assert.Equal(0, await Maria().GetByRole(AriaRole.Button, new() { Name = "Link do kalendarza" }).CountAsync());

        ILocator Maria() => Page.Locator("tbody tr", new() { HasTextString = "Maria Wiśniewska" });
    }

    [Fact]
    public async Task On_a_phone_the_members_are_listed_with_their_seat_term_and_actions_instead_of_the_six_column_table()
    {
        await SignInAsync(Policies.Roles.Secretary, "malopolska");
        await Page.SetViewportSizeAsync(390, 844);
        await AddMariaAsync();

        Assert.False(await Page.Locator("table", new() { Has = Page.Locator("caption", new() { HasTextString = "Skład" }) }).IsVisibleAsync(),
            "the members' table is shown on a phone");
        var maria = Page.GetByRole(AriaRole.List, new() { Name = "Skład" }).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Maria Wiśniewska" });
        var facts = await maria.InnerTextAsync();
        Assert.Contains("OWES Kraków · PES · członek", facts);
        Assert.Contains("Kadencja: 15.01.2026 –", facts);
        Assert.False(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        Assert.Equal(0, (await ScrollBoxesAsync()).Scrolling);
        var resolutionDate = Page.Locator("table:has(caption:text('Rejestr uchwał')) td[data-label='Data podjęcia']").First;
        Assert.Equal("Data podjęcia", await ColumnLabelAsync(resolutionDate));
        await AssertAccessibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print }); // paper gets the tables, whatever printed it
        Assert.True(await Page.Locator("table", new() { Has = Page.Locator("caption", new() { HasTextString = "Skład" }) }).IsVisibleAsync(),
            "the members' table is not printed");
        Assert.False(await Page.GetByRole(AriaRole.List, new() { Name = "Skład" }).IsVisibleAsync(), "the phone's member list is printed");
        Assert.Equal("none", await ColumnLabelAsync(resolutionDate));
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await maria.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Zmień\s*: Maria Wiśniewska$") }).ClickAsync();
        await WaitForPageAsync("**/czlonkowie/*");
        Assert.Equal("maria@owes.example", await Page.GetByLabel("E-mail").InputValueAsync());

        // The committee list: each committee a block, its member count labelled, nothing scrolling sideways.
        await OpenAsync("/malopolska/komitety");
        Assert.Equal(0, (await ScrollBoxesAsync()).Scrolling);
        var mkres = Page.Locator("tbody tr", new() { HasTextString = "Małopolski Komitet Rozwoju Ekonomii Społecznej" }).First;
        Assert.Equal("Członkowie", await ColumnLabelAsync(mkres.Locator("td").Last));
        Assert.True(await mkres.Locator("td").Last.IsVisibleAsync(), "the member count is hidden on a phone");
        await AssertAccessibleAsync("committee list on a phone");
    }

    /// <summary>Opens MKRES from the committee list and adds Maria Wiśniewska (OWES Kraków, from 15 January 2026) through its form.</summary>
    private async Task AddMariaAsync()
    {
        await OpenAsync("/malopolska/komitety");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Małopolski Komitet Rozwoju Ekonomii Społecznej", Exact = false }).First.ClickAsync();
        await WaitForPageAsync("**/komitety/*");
        await Page.Locator("summary", new() { HasTextString = "Dodaj członka" }).ClickAsync();
        await Page.GetByLabel("Imię i nazwisko").FillAsync("Maria Wiśniewska");
        await Page.GetByLabel("E-mail").FillAsync("maria@owes.example");
        await Page.GetByLabel("Instytucja").FillAsync("OWES Kraków");
        await Page.GetByLabel("Początek kadencji").FillAsync("2026-01-15");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Dodaj członka" }).ClickAsync();
        await WaitForPageAsync("**#sklad");
    }
}
