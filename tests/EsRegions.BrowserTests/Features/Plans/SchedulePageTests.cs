using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class SchedulePageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_see_the_quarter_grid_set_a_tasks_quarters_and_status_and_the_grid_marks_them_with_text()
    {
        await SignInAsync(Policies.Roles.Staff, "mazowsze");
        await OpenAsync("/mazowsze/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Harmonogram opracowania Planu Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030" }).ClickAsync();
        await Page.WaitForSelectorAsync("table.schedule-grid");

        Assert.Equal(7, await Page.Locator("table.schedule-grid thead tr").Nth(1).Locator("th[scope=col]").CountAsync());
        Assert.Equal(14, await Page.Locator("table.schedule-grid tbody th[scope=row]").CountAsync());
        await AssertAccessibleAsync();

        var swot = Page.Locator("table.schedule-grid tbody tr", new() { Has = Page.Locator("th", new() { HasTextString = "Opracowanie analizy SWOT" }) });
        await swot.GetByRole(AriaRole.Link).ClickAsync();
        await WaitForPageAsync("**/zadania/*");
        Assert.Empty(await AccessibilityViolationsAsync());
        await Page.GetByLabel("Od kwartału").SelectOptionAsync("2019-Q4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        Assert.Equal("Podaj oba kwartały (od i do) albo żaden.", await Page.Locator("#to-error").InnerTextAsync());

        await Page.GetByLabel("Do kwartału").SelectOptionAsync("2020-Q1");
        await Page.GetByLabel("Status").SelectOptionAsync("inProgress");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync("**/harmonogramy/*#t-*");

        var row = Page.Locator("table.schedule-grid tbody tr", new() { Has = Page.Locator("th", new() { HasTextString = "Opracowanie analizy SWOT" }) });
        Assert.Equal(2, await row.Locator("td.schedule-mark").CountAsync());
        Assert.Equal("zaplanowane", await row.Locator("td.schedule-mark .visually-hidden").First.InnerTextAsync());
        Assert.Contains("w toku", await row.InnerTextAsync());
    }

    [Fact]
    public async Task On_a_phone_staff_start_a_schedule_add_a_phase_and_a_task_and_see_it_in_the_grid()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(Policies.Roles.Staff, "lubelskie");
        await OpenAsync("/lubelskie/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nowy harmonogram opracowania planu" }).ClickAsync();
        await WaitForPageAsync("**/harmonogramy/nowy");
        await AssertAccessibleAsync("new");
        await Page.GetByLabel("Tytuł").FillAsync("Harmonogram opracowania planu 2027-2030");
        await Page.GetByLabel("Plan, który powstaje").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Tytuł").PressAsync("Enter");
        await Page.WaitForSelectorAsync("text=Harmonogram nie ma jeszcze etapów ani zadań.");

        await Page.GetByLabel("Oznaczenie").FillAsync("I");
        await Page.GetByLabel("Nazwa etapu").FillAsync("Diagnoza");
        await Page.GetByLabel("Nazwa etapu").PressAsync("Enter");
        await WaitForPageAsync("**dodano=etap*");
        await Page.GetByLabel("Nazwa zadania").FillAsync("Analiza SWOT");
        await Page.GetByLabel("Od kwartału").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Do kwartału").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await Page.GetByLabel("Odpowiada").FillAsync("ROPS Lublin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Dodaj zadanie" }).ClickAsync();
        await WaitForPageAsync("**dodano=zadanie*");

        Assert.Equal("Zadanie dodane.", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        var row = Page.Locator("table.schedule-grid tbody tr", new() { Has = Page.Locator("th", new() { HasTextString = "Analiza SWOT" }) });
        Assert.Equal(2, await row.Locator("td.schedule-mark").CountAsync());
        Assert.Contains("ROPS Lublin", await row.InnerTextAsync());
        Assert.False(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        await AssertAccessibleAsync("filled");
    }

    [Fact]
    public async Task On_a_phone_staff_move_a_phase_up_delete_one_after_a_question_and_are_shown_the_tasks_new_quarters_would_leave_out()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(Policies.Roles.Staff, "lubelskie");
        var api = ApiClientAs(Policies.Roles.Staff, "lubelskie");
        var created = await api.PostAsJsonAsync("/lubelskie/api/v1/schedules", new { title = "Harmonogram 2027", from = "2027-Q1", to = "2027-Q4" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var phases = new List<Guid>();
        foreach (var (code, title) in new[] { ("I", "Diagnoza"), ("II", "Konsultacje"), ("III", "Przyjęcie") })
        {
            var phase = await api.PostAsJsonAsync($"/lubelskie/api/v1/schedules/{id}/phases", new { code, title }, Ct);
            phases.Add((await phase.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        }
        (await api.PostAsJsonAsync($"/lubelskie/api/v1/schedules/{id}/tasks", new { phaseId = phases[0], title = "Analiza SWOT", from = "2027-Q1", to = "2027-Q2" }, Ct))
            .EnsureSuccessStatusCode();

        await OpenAsync($"/lubelskie/harmonogramy/{id}");
        // The phase's row links to its page; the link's name says which phase (its visually hidden part reads ": II Konsultacje").
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Zmień\s*: II Konsultacje$") }).ClickAsync();
        await WaitForPageAsync("**/etapy/*");
        await AssertAccessibleAsync("phase");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Przesuń wyżej" }).ClickAsync();
        await WaitForPageAsync("**przeniesiono=tak");
        Assert.Equal("Etap jest teraz na miejscu 1 z 3.", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await Page.GetByRole(AriaRole.Button, new() { Name = "Przesuń wyżej" }).CountAsync());
        await Page.GetByLabel("Przenieś na miejsce").SelectOptionAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Przenieś", Exact = true }).ClickAsync();
        await WaitForPageAsync("**przeniesiono=tak", when: "document.getElementById('order-place')?.textContent === 'Miejsce 3 z 3.'");
        Assert.Equal("Etap jest teraz na miejscu 3 z 3.", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await Page.GetByRole(AriaRole.Button, new() { Name = "Przesuń niżej" }).CountAsync());

        var delete = Page.GetByRole(AriaRole.Button, new() { Name = "Usuń etap" });
        Assert.Equal("Usunąć etap „II Konsultacje” z jego zadaniami (liczba zadań: 0)? Tego nie można cofnąć.", await ClickAndAnswerAsync(delete, confirm: false));
        Assert.EndsWith("przeniesiono=tak", Page.Url);
        await ClickAndAnswerAsync(delete, confirm: true);
        await WaitForPageAsync("**usunieto=etap");
        Assert.Equal(["I Diagnoza", "III Przyjęcie"], (await Page.Locator("table.schedule-grid tbody th[scope=rowgroup]").AllInnerTextsAsync()).Select(t => t.Trim()));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Zmień tytuł, plan lub kwartały harmonogramu albo go usuń" }).ClickAsync();
        await WaitForPageAsync("**/edycja");
        await AssertAccessibleAsync("schedule");
        await Page.GetByLabel("Od kwartału").SelectOptionAsync("2027-Q2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();

        Assert.Equal("Niektóre zadania wykraczają poza te kwartały; zmień najpierw ich kwartały.", await Page.Locator("#from-error").InnerTextAsync());
        Assert.Equal("Analiza SWOT", await Page.Locator("#outside").GetByRole(AriaRole.Link).InnerTextAsync());
        Assert.False(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        await AssertAccessibleAsync("refused");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
