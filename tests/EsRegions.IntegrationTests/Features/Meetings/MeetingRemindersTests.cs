using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>Reminders before a meeting (accepted and not answered) and after it (the secretariat, while minutes are missing).</summary>
public sealed partial class MeetingRemindersTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private HttpClient Secretary => ClientAs(Policies.Roles.Secretary, "malopolska");

    private async Task<int> SweepAtAsync(DateTimeOffset at)
    {
        Clock.Set(at);
        var sent = await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), TestContext.Current.CancellationToken);
        await DispatchUntilIdleAsync();
        return sent;
    }

    [Fact]
    public async Task The_secretariat_holds_back_a_reminder_from_the_meetings_page_and_the_invitees_do_not_get_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = Secretary; // one client: the antiforgery cookie of the page goes with the form
        var id = await secretary.CreateMeetingAsync("malopolska");
        await secretary.InviteAsync("malopolska", id, ("C", "cisza@example.org"));
        await DispatchUntilIdleAsync();
        var url = $"/malopolska/kalendarz/{id}";
        var page = await secretary.GetStringAsync(url, ct);
        Assert.Contains("10 marca 2026 r., 08:00 — Zbliżające się spotkanie (zaproszeni, którzy nie odmówili)", page);
        Assert.Contains("16 marca 2026 r., 08:00 — Zbliżające się spotkanie", page);
        Assert.Contains("22 marca 2026 r., 08:00 — Brak protokołu (sekretariat, dopóki nie ma protokołu)", page);
        var weekBefore = Guid.Parse(WeekBeforeReminder().Match(page).Groups[1].Value);

        var held = await secretary.PostAsync("/malopolska/przypomnienia?handler=Hold", Form(weekBefore, url, page), ct);

        Assert.Equal($"{url}?przypomnienie=wstrzymano#przypomnienia", held.Headers.Location!.OriginalString);
        var after = await secretary.GetStringAsync($"{url}?przypomnienie=wstrzymano", ct);
        Assert.Contains("Przypomnienie wstrzymane: nie zostanie wysłane.", after);
        Assert.Matches(@"10 marca 2026 r\., 08:00 — Zbliżające się spotkanie \(zaproszeni, którzy nie odmówili\)</span>\s*<strong class=""badge text-bg-secondary"">wstrzymane</strong>", after);
        Assert.Equal(0, await SweepAtAsync(new DateTimeOffset(2026, 3, 10, 7, 30, 0, TimeSpan.Zero)));
        Assert.DoesNotContain(await Mail!.MessagesToAsync("cisza@example.org"), m => m.Subject?.StartsWith("Przypomnienie") == true);

        // Only this region's pages are a way back: any other address goes to the reminders page.
        var dayBefore = Guid.Parse(DayBeforeReminder().Match(after).Groups[1].Value);
        var elsewhere = await secretary.PostAsync("/malopolska/przypomnienia?handler=Hold", Form(dayBefore, "https://evil.example/malopolska/", after), ct);
        Assert.StartsWith("/malopolska/przypomnienia?zrobione=wstrzymano", elsewhere.Headers.Location!.OriginalString);

        static FormUrlEncodedContent Form(Guid reminder, string back, string page) => new(new Dictionary<string, string>
        {
            ["id"] = reminder.ToString(), ["wroc"] = back, ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(page),
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"10 marca 2026 r\., 08:00 — [^<]*</span>\s*<form[^>]*>\s*<input type=""hidden"" name=""id"" value=""([0-9a-f-]{36})""")]
    private static partial System.Text.RegularExpressions.Regex WeekBeforeReminder();

    [System.Text.RegularExpressions.GeneratedRegex(@"16 marca 2026 r\., 08:00 — [^<]*</span>\s*<form[^>]*>\s*<input type=""hidden"" name=""id"" value=""([0-9a-f-]{36})""")]
    private static partial System.Text.RegularExpressions.Regex DayBeforeReminder();

    [Fact]
    public async Task A_week_before_those_who_accepted_or_did_not_answer_are_reminded_and_those_who_declined_are_not()
    {
        var id = await Secretary.CreateMeetingAsync("malopolska");
        await Secretary.InviteAsync("malopolska", id, ("A", "tak@example.org"), ("B", "nie@example.org"), ("C", "cisza@example.org"));
        await DispatchUntilIdleAsync();
        foreach (var (email, answer) in new[] { ("tak@example.org", "Accepted"), ("nie@example.org", "Declined") })
        {
            var person = App.CreateClient(new() { HandleCookies = true });
            var path = (await Mail!.MessagesToAsync(email)).Single().RsvpPath();
            var html = await person.GetStringAsync(path, TestContext.Current.CancellationToken);
            (await person.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Answer"] = answer, ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html),
            }), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        Assert.Equal(1, await SweepAtAsync(new DateTimeOffset(2026, 3, 10, 7, 30, 0, TimeSpan.Zero))); // 10 March, 08:30 Warsaw

        var reminders = (await Mail!.EmailsAsync()).Where(e => e.GetProperty("subject").GetString()!.StartsWith("Przypomnienie")).ToList();
        Assert.Equal(["cisza@example.org", "tak@example.org"],
            reminders.Select(e => e.GetProperty("to")[0].GetProperty("address").GetString()).Order());
        Assert.All(reminders, e => Assert.Equal("Przypomnienie: Posiedzenie MKRES — 17 marca 2026 r.", e.GetProperty("subject").GetString()));

        // The one who has not answered answers from the reminder: it carries a working answer link of their own.
        var ct = TestContext.Current.CancellationToken;
        var reminder = (await Mail!.MessagesToAsync("cisza@example.org")).Last();
        Assert.Contains("Termin: wtorek, 17 marca 2026 r., godz. 10:00–12:00", reminder.TextBody); // when and where, without a click
        Assert.Contains("Miejsce: Kraków, ul. Racławicka 56, sala 2", reminder.TextBody);
        var link = reminder.RsvpPath();
        Assert.NotEqual((await Mail!.MessagesToAsync("cisza@example.org")).First().RsvpPath(), link);
        var invitee = App.CreateClient(new() { HandleCookies = true });
        var page = await invitee.GetStringAsync(link, ct);
        Assert.Contains("Posiedzenie MKRES", page);
        (await invitee.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Answer"] = "Accepted", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(page),
        }), ct)).EnsureSuccessStatusCode();
        Assert.Equal("accepted", (await Secretary.ResponsesAsync("malopolska", id)).Single(r => r.Email == "cisza@example.org").Status);
    }

    [Fact]
    public async Task Missing_minutes_are_chased_after_the_meeting_and_recorded_minutes_stop_the_reminder()
    {
        var ct = TestContext.Current.CancellationToken;
        var withMinutes = await Secretary.CreateMeetingAsync("malopolska");
        var without = await Secretary.CreateMeetingAsync("malopolska");
        await Secretary.InviteAsync("malopolska", withMinutes, ("A", "a@example.org"));
        await Secretary.InviteAsync("malopolska", without, ("A", "a@example.org"));
        await DispatchUntilIdleAsync();
        Clock.Set(new DateTimeOffset(2026, 3, 17, 13, 0, 0, TimeSpan.Zero));
        var secretary = Secretary; // one client: the antiforgery cookie and token go together
        var form = await secretary.GetStringAsync($"/malopolska/kalendarz/{withMinutes}/protokol", ct);
        var saved = await secretary.PostAsync($"/malopolska/kalendarz/{withMinutes}/protokol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "Protokół z posiedzenia MKRES: przyjęto sprawozdanie.", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        }), ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        await SweepAtAsync(new DateTimeOffset(2026, 3, 22, 7, 30, 0, TimeSpan.Zero)); // 22 March = 17 March + 5 days

        var chasers = (await Mail!.EmailsAsync()).Where(e => e.GetProperty("subject").GetString()!.StartsWith("Brak protokołu")).ToList();
        var chaser = Assert.Single(chasers);
        Assert.Equal("rops@rops.krakow.pl", chaser.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Contains($"/malopolska/kalendarz/{without}/protokol", chaser.GetProperty("text").GetString());
        var responses = await Secretary.ResponsesAsync("malopolska", withMinutes);
        Assert.Equal(false, responses.Single().Attended); // nobody ticked as present
    }
}
