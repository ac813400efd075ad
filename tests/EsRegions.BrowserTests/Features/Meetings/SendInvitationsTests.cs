using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Meetings;

public sealed partial class SendInvitationsTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Secretary_adds_a_meeting_sends_invitations_and_sees_the_batch_queued()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        await SignInAsync(Policies.Roles.Secretary, "malopolska");
        await OpenAsync("/malopolska/kalendarz/edycja");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Temat").FillAsync("Posiedzenie MKRES");
        await Page.GetByLabel("Komitet lub zespół").SelectOptionAsync(new SelectOptionValue { Label = "Małopolski Komitet Rozwoju Ekonomii Społecznej" });
        await Page.GetByLabel("Dzień", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Od godziny").FillAsync("10:00");
        await Page.GetByLabel("Do godziny").FillAsync("12:00");
        await Page.GetByLabel("Miejsce").FillAsync("Kraków, ul. Racławicka 56");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await WaitForPageAsync(new Regex("/kalendarz/[0-9a-f-]{36}$"));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Wyślij zaproszenia" }).ClickAsync();
        await AssertAccessibleAsync();
        await Page.GetByLabel("Inne osoby").FillAsync("Jan Kowalski <jan@owes.example>\nanna@jst.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wyślij zaproszenia" }).ClickAsync();
        await WaitForPageAsync(new Regex("/wysylka/"));

        Assert.Contains("Wiadomości: 2", await Page.Locator("#batch-summary").InnerTextAsync());
        Assert.Equal(2, await Page.Locator("#batch-progress tbody tr").CountAsync());
        await AssertAccessibleAsync();
        await using var scope = App.ScopeFor("malopolska");
        var outbox = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<OutboxMessage>().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["anna@jst.example", "jan@owes.example"], outbox.Select(m => m.ToAddress).Order());
        Assert.All(outbox, m => Assert.Contains("METHOD:REQUEST", m.Calendar));
    }

    [Fact]
    public async Task Secretary_is_asked_before_a_meeting_is_cancelled_and_its_invitees_are_told()
    {
        var meeting = await CreateInvitedMeetingAsync("malopolska", "Posiedzenie MKRES (luty)", "jan@owes.example", "anna@jst.example");
        await SignInAsync(Policies.Roles.Secretary, "malopolska");
        await OpenAsync($"/malopolska/kalendarz/{meeting}");
        var cancel = Page.GetByRole(AriaRole.Button, new() { Name = "Odwołaj spotkanie" });

        var question = await ClickAndAnswerAsync(cancel, confirm: false);

        Assert.Equal("Odwołać spotkanie „Posiedzenie MKRES (luty)”? Zaproszeni (liczba osób: 2) dostaną wiadomość o odwołaniu; tego nie można cofnąć.", question);
        Assert.Equal(0, await Page.Locator("text=To spotkanie zostało odwołane.").CountAsync());
        Assert.Equal(0, await CancellationsAsync());

        await ClickAndAnswerAsync(cancel, confirm: true);
        await WaitForPageAsync(new Regex("/wysylka/"));

        Assert.Equal(2, await CancellationsAsync());

        async Task<int> CancellationsAsync()
        {
            await using var scope = App.ScopeFor("malopolska");
            return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<OutboxMessage>()
                .CountAsync(m => m.Calendar != null && m.Calendar.Contains("METHOD:CANCEL"), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A meeting a month ahead, with invitations sent to <paramref name="emails"/> through the API.</summary>
    private async Task<Guid> CreateInvitedMeetingAsync(string slug, string title, params string[] emails)
    {
        var api = ApiClientAs(Policies.Roles.Secretary, slug);
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await api.PostAsJsonAsync($"/{slug}/api/v1/meetings", new
        {
            title, kind = "meeting", startsAt = day.AddHours(10), endsAt = day.AddHours(12), location = "Kraków",
        }, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/{slug}/api/v1/meetings/{id}/invitations",
            new { recipients = emails.Select(e => new { name = (string?)null, email = e }) }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task On_a_phone_the_calendar_month_lists_its_dated_entries_by_day_instead_of_the_grid_and_the_page_does_not_scroll_sideways()
    {
        await SignInAsync(Policies.Roles.Staff, "warmia-mazury");
        await Page.SetViewportSizeAsync(375, 740);
        await OpenAsync("/warmia-mazury/kalendarz?rok=2022&miesiac=1");

        var boxes = await ScrollBoxesAsync();
        Assert.True(boxes.PageWidth <= 375, $"the page scrolls sideways: {boxes.PageWidth} px wide");
        Assert.Equal(0, boxes.Scrolling);
        Assert.False(await Page.Locator("table.calendar-month").IsVisibleAsync(), "the month's grid is shown on a phone");
        var days = Page.GetByRole(AriaRole.Region, new() { Name = "W tym miesiącu, według dni" }).GetByRole(AriaRole.Listitem);
        Assert.StartsWith("12 stycznia — Spotkanie online RKRES, OWES", await days.First.InnerTextAsync());
        Assert.StartsWith("28 stycznia — Spotkanie monitoringowe online OWES", await days.Last.InnerTextAsync());
        await AssertAccessibleAsync();

        // Printed from the phone, the month is the grid, as on paper from any screen.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await Page.Locator("table.calendar-month").IsVisibleAsync(), "the month's grid is not printed");
        Assert.False(await Page.GetByRole(AriaRole.Region, new() { Name = "W tym miesiącu, według dni" }).IsVisibleAsync(), "the phone's list is printed");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A wider screen shows the grid (in its own box, which scrolls only if it must) and not the list.
        await Page.SetViewportSizeAsync(1024, 740);
        Assert.True(await Page.Locator("table.calendar-month").IsVisibleAsync(), "the month's grid is not shown on a wide screen");
        Assert.False(await Page.GetByRole(AriaRole.Region, new() { Name = "W tym miesiącu, według dni" }).IsVisibleAsync());
        Assert.Contains("Spotkanie monitoringowe online OWES", await Page.Locator("table.calendar-month").InnerTextAsync());
    }

    [Fact]
    public async Task Calendar_month_and_list_views_of_seed_003_are_accessible_and_filter_by_committee_and_kind()
    {
        await SignInAsync(Policies.Roles.Staff, "warmia-mazury");
        await OpenAsync("/warmia-mazury/kalendarz?rok=2022&miesiac=2");
        await AssertAccessibleAsync();
        var main = await Page.Locator("main").InnerTextAsync();
        Assert.Contains("Połowa lutego", main);
        Assert.Contains("Wysyłka informacji do wszystkich PES w sprawie katalogu wielkanocnego produktów i usług PES", main);

        await OpenAsync("/warmia-mazury/kalendarz/lista?rok=2022");
        await AssertAccessibleAsync();
        Assert.Equal(81, await Page.Locator("main tbody tr").CountAsync());
        await Page.GetByLabel("Rodzaj").SelectOptionAsync(new SelectOptionValue { Label = "posiedzenie" });
        await Page.GetByLabel("Komitet lub zespół").SelectOptionAsync(new SelectOptionValue { Label = "RKRES" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pokaż" }).ClickAsync();
        await WaitForPageAsync(new Regex("rodzaj=Sitting"));
        Assert.Equal(4, await Page.Locator("main tbody tr").CountAsync());
    }

    [Fact]
    public async Task Rsvp_page_is_accessible_and_records_an_answer()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        Guid meetingId;
        await using (var scope = App.ScopeFor("lubelskie"))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var meeting = new EsRegions.Web.Features.Meetings.Meeting("Posiedzenie Zespołu ekspertów", EsRegions.Web.Features.Meetings.MeetingKind.Sitting,
                EsRegions.Web.Features.Meetings.FuzzyDate.Exact(day));
            meeting.Schedule(meeting.Date, PolishCalendar.AtWarsawTime(day, new TimeOnly(10, 0)), PolishCalendar.AtWarsawTime(day, new TimeOnly(12, 0)),
                "Lublin, ul. Diamentowa 2", false, null);
            db.Add(meeting);
            await scope.ServiceProvider.GetRequiredService<EsRegions.Web.Features.Meetings.MeetingInvitations>()
                .InviteAsync(meeting, [new("ekspert@example.org", "Ewa Ekspert")], "test", TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            meetingId = meeting.Id;
        }
        string text;
        await using (var scope = App.ScopeFor("lubelskie"))
            text = (await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<OutboxMessage>().SingleAsync(TestContext.Current.CancellationToken)).TextBody;
        var path = RsvpPath().Match(text).Groups[1].Value;

        await OpenAsync(path);
        await AssertAccessibleAsync();
        await Page.GetByLabel("Nie wezmę udziału").CheckAsync();
        await Page.GetByLabel("Jeśli nie weźmiesz udziału").FillAsync("Adam Zastępca");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz odpowiedź" }).ClickAsync();

        Assert.Contains("Dziękujemy, zapisaliśmy odpowiedź.", await Page.Locator("main").InnerTextAsync());
        Assert.Contains("nie weźmie udziału — zastępca: Adam Zastępca", await Page.Locator("#current-answer").InnerTextAsync());
        await AssertAccessibleAsync();
        Assert.NotEqual(Guid.Empty, meetingId);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/lubelskie/zaproszenie/[A-Za-z0-9_-]{43})")] private static partial Regex RsvpPath();
}
