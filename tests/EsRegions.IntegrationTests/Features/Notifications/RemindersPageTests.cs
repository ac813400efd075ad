using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EsRegions.IntegrationTests.Features.Notifications;

/// <summary>Staff and the secretariat see the region's scheduled and sent reminders, to whom they go, and its lead times.</summary>
public sealed class RemindersPageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Thursday 3 December 2026, 10:00 in Warsaw.
    private TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = Clock };

    private static ReminderRequest Term(string title, DateOnly ends) => new("termEnding", "CommitteeMember", Guid.NewGuid(), title, ends,
        "komitety/1", [new EmailAddress("rops@rops.krakow.pl")]);

    [Fact]
    public async Task The_secretariat_sees_what_goes_out_next_and_what_went_out_with_the_regions_lead_times()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30))); // 60 days before: 1 May 2027
        await ScheduleAsync("malopolska", Term("Anna Nowak — MKRES", new DateOnly(2026, 12, 31)));  // lead passed: next 08:00
        Clock.Set(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), Ct));

        var html = await ClientAs(Policies.Roles.Secretary, "malopolska").GetStringAsync("/malopolska/przypomnienia", Ct);

        var scheduled = Section(html, "zaplanowane", "wyslane");
        Assert.Contains("Zaplanowane (1)", scheduled);
        Assert.Contains("data-label=\"Planowana wysyłka\">1 maja 2027 r., 08:00</td>", scheduled);
        Assert.Contains("<a href=\"/malopolska/komitety/1\">Jan Kowalski — MKRES</a>", scheduled);
        Assert.Contains("data-label=\"Termin\">30 czerwca 2027 r.</td>", scheduled);
        Assert.Contains("sekretariat i członek", scheduled);
        Assert.DoesNotContain("Anna Nowak", scheduled);
        var sent = Section(html, "wyslane", "ustawienia");
        Assert.Contains("data-label=\"Data wysyłki\">4 grudnia 2026 r., 08:00</td>", sent);
        Assert.Contains("Anna Nowak — MKRES", sent);
        var settings = Section(html, "ustawienia", "</main>");
        Assert.Matches("<th scope=\"row\" role=\"rowheader\">Koniec kadencji</th>\\s*<td role=\"cell\" data-label=\"Dni przed terminem\">60</td>", settings);
        Assert.DoesNotContain("href=\"/malopolska/powiadomienia\"", Section(html, "<h1>", "zaplanowane")); // the outbox is staff's
        var english = await ClientAs(Policies.Roles.Staff, "malopolska").GetStringAsync("/malopolska/przypomnienia?culture=en-GB&ui-culture=en-GB", Ct);
        Assert.Contains("Term of office ending", english);
        Assert.Contains("the secretariat and the member", english);
        Assert.Contains("href=\"/malopolska/powiadomienia\"", english);
    }

    [Fact]
    public async Task Another_regions_staff_see_none_of_them_and_an_implementer_is_refused()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30)));

        var other = await ClientAs(Policies.Roles.Staff, "lubelskie").GetStringAsync("/lubelskie/przypomnienia", Ct);
        var implementer = await ClientAs(Policies.Roles.Implementer, "malopolska").GetAsync("/malopolska/przypomnienia", Ct);
        var crossing = await ClientAs(Policies.Roles.Staff, "lubelskie").GetAsync("/malopolska/przypomnienia", Ct);

        Assert.Contains("Nie zaplanowano żadnego przypomnienia.", other);
        Assert.DoesNotContain("Jan Kowalski", other);
        Assert.Equal(HttpStatusCode.Forbidden, implementer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossing.StatusCode); // signed in for Lubelskie only
    }

    [Fact]
    public async Task Staff_hold_back_one_reminder_which_stays_held_when_its_subject_changes_and_does_not_go_out()
    {
        var anna = Term("Anna Nowak — MKRES", new DateOnly(2026, 12, 31)); // lead passed: 4 December, 08:00
        await ScheduleAsync("malopolska", anna);
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30)));
        var staff = ClientAs(Policies.Roles.Staff, "malopolska");

        var held = await PostAsync(staff, "Hold", await IdOfAsync("Anna Nowak — MKRES"));

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal("/malopolska/przypomnienia?zrobione=wstrzymano#wstrzymane", held.Headers.Location!.OriginalString);
        var html = await staff.GetStringAsync("/malopolska/przypomnienia?zrobione=wstrzymano", Ct);
        Assert.Contains("Przypomnienie wstrzymane: nie zostanie wysłane.", html);
        Assert.DoesNotContain("Anna Nowak", Section(html, "id=\"zaplanowane\"", "id=\"wstrzymane\""));
        var section = Section(html, "id=\"wstrzymane\"", "id=\"wyslane\"");
        Assert.Contains("Wstrzymane (1)", section);
        Assert.Contains("Anna Nowak — MKRES", section);
        Assert.Contains("Przywróć wysyłkę", section);

        // The seat is edited (its reminders rescheduled to the same end of term): the hold stands.
        await using (var scope = App.ScopeFor("malopolska"))
        {
            await scope.ServiceProvider.GetRequiredService<Reminders>().RescheduleAsync(anna, Ct);
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
        }
        Clock.Set(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), Ct));

        var after = Section(await staff.GetStringAsync("/malopolska/przypomnienia", Ct), "id=\"wstrzymane\"", "id=\"wyslane\"");
        Assert.Contains("nie wysłano", after); // its time has passed: no way to send it late
        Assert.DoesNotContain("Przywróć wysyłkę", after);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(staff, "Release", await IdOfAsync("Anna Nowak — MKRES"))).StatusCode);
    }

    [Fact]
    public async Task A_held_reminder_released_while_its_time_is_ahead_goes_out_as_scheduled()
    {
        await ScheduleAsync("malopolska", Term("Anna Nowak — MKRES", new DateOnly(2026, 12, 31)));
        var staff = ClientAs(Policies.Roles.Staff, "malopolska");
        var id = await IdOfAsync("Anna Nowak — MKRES");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Hold", id)).StatusCode);

        var released = await PostAsync(staff, "Release", id);

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        var html = await staff.GetStringAsync("/malopolska/przypomnienia?zrobione=przywrocono", Ct);
        Assert.Contains("Przypomnienie przywrócone: wyjdzie w zaplanowanym czasie.", html);
        Assert.Contains("Anna Nowak — MKRES", Section(html, "id=\"zaplanowane\"", "id=\"wyslane\""));
        Assert.DoesNotContain("id=\"wstrzymane\"", html);
        Clock.Set(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), Ct));
    }

    [Fact]
    public async Task The_secretariat_holds_back_committee_reminders_only_and_another_region_cannot_touch_any()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30)));
        await ScheduleAsync("malopolska", new ReminderRequest("reportingDue", "ReportingPeriod", Guid.NewGuid(), "Sprawozdanie 2026", // 3 days before only: 7 December
            new DateOnly(2026, 12, 10), null, [new EmailAddress("rops@rops.krakow.pl")]));
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");
        var page = await secretary.GetStringAsync("/malopolska/przypomnienia", Ct);
        var reporting = await IdOfAsync("Sprawozdanie 2026");
        var term = await IdOfAsync("Jan Kowalski — MKRES");

        Assert.Contains($"value=\"{term}\"", page);
        Assert.DoesNotContain($"value=\"{reporting}\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretary, "Hold", reporting)).StatusCode);
        var lubelskie = ClientAs(Policies.Roles.Staff, "lubelskie");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(lubelskie, "Hold", term, "lubelskie")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(lubelskie, "Hold", term, "malopolska")).StatusCode);
        Assert.Equal([ReminderState.Scheduled, ReminderState.Scheduled], await StatesAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretary, "Hold", term)).StatusCode);
        Assert.Contains(ReminderState.Held, await StatesAsync());
    }

    [Fact]
    public async Task A_hold_sent_while_the_sweeper_sends_the_reminder_waits_and_is_refused_instead_of_marking_it_held()
    {
        await ScheduleAsync("malopolska", Term("Anna Nowak — MKRES", new DateOnly(2026, 12, 31)));
        var id = await IdOfAsync("Anna Nowak — MKRES");
        var staff = ClientAs(Policies.Roles.Staff, "malopolska");
        var form = await staff.GetStringAsync("/malopolska/przypomnienia", Ct);
        // The sweeper's transaction: the row locked and marked sent, not yet committed.
        await using var sweeper = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name }.ConnectionString);
        await sweeper.OpenAsync(Ct);
        await using var tx = await sweeper.BeginTransactionAsync(Ct);
        await using (var sent = new NpgsqlCommand($"UPDATE reminders SET state = 'Sent', sent_at = now() WHERE id = '{id}'", sweeper, tx))
            Assert.Equal(1, await sent.ExecuteNonQueryAsync(Ct));

        var hold = staff.PostAsync("/malopolska/przypomnienia?handler=Hold", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(), ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        }), Ct);
        await Task.Delay(500, Ct);
        Assert.False(hold.IsCompleted, "the hold waits for the sweeper's transaction");
        await tx.CommitAsync(Ct);
        var response = await hold;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal([ReminderState.Sent], await StatesAsync());
    }

    [Fact]
    public async Task A_recipient_and_who_held_a_reminder_are_in_the_personal_data_export_and_erased_with_the_hold_kept()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30)));
        await ScheduleAsync("malopolska", Term("Test User — MKRES", new DateOnly(2027, 3, 31)) with
        {
            Recipients = [new EmailAddress("Test.User@malopolska.example", "Test User"), new EmailAddress("rops@rops.krakow.pl")],
        });
        var staff = ClientAs(Policies.Roles.Staff, "malopolska"); // recorded as "Test User"
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Hold", await IdOfAsync("Jan Kowalski — MKRES"))).StatusCode);
        await App.CreateTestSignInUserAsync("test.user@malopolska.example", "malopolska");

        IReadOnlyList<object> export;
        int erased;
        await using (var scope = App.ScopeFor("malopolska"))
        {
            var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Name == "reminders");
            export = await source.ExportAsync(new PersonRef("test.user@malopolska.example"), Ct);
            erased = await source.EraseAsync(new PersonRef("test.user@malopolska.example"), Ct);
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
        }

        Assert.Equal(2, export.Count);
        Assert.Equal("Test User — MKRES", Assert.Single(export.OfType<ReminderPersonalData.ReminderTo>()).Subject);
        var hold = Assert.Single(export.OfType<ReminderPersonalData.HeldReminder>());
        Assert.Equal(("Jan Kowalski — MKRES", "Test User"), (hold.Subject, hold.HeldBy));
        Assert.Equal(2, erased);
        await using (var scope = App.ScopeFor("malopolska"))
        {
            var left = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>().AsNoTracking()
                .Where(r => r.SubjectTitle == "Test User — MKRES").Select(r => r.Recipients).SingleAsync(Ct);
            Assert.Equal(["rops@rops.krakow.pl"], left.Select(r => r.Address));
        }
        var section = Section(await staff.GetStringAsync("/malopolska/przypomnienia", Ct), "id=\"wstrzymane\"", "id=\"wyslane\"");
        Assert.Contains(PersonRef.ErasedLabel, section);
        Assert.DoesNotContain("Test User", section);
        Assert.Equal([ReminderState.Held, ReminderState.Scheduled], await StatesAsync()); // by name, as stored
    }

    /// <summary>Sends the page's form for one reminder, with the antiforgery token of the page as the client sees it.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Guid id, string slug = "malopolska")
    {
        var page = await client.GetAsync($"/{slug}/przypomnienia", Ct);
        var token = page.IsSuccessStatusCode ? SignInClient.AntiforgeryToken(await page.Content.ReadAsStringAsync(Ct)) : "";
        return await client.PostAsync($"/{slug}/przypomnienia?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(), ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    private async Task<Guid> IdOfAsync(string title)
    {
        await using var scope = App.ScopeFor("malopolska");
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>()
            .Where(r => r.SubjectTitle == title).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task<List<ReminderState>> StatesAsync()
    {
        await using var scope = App.ScopeFor("malopolska");
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>()
            .OrderBy(r => r.State).Select(r => r.State).ToListAsync(Ct);
    }

    private async Task ScheduleAsync(string slug, ReminderRequest request)
    {
        await using var scope = App.ScopeFor(slug);
        await scope.ServiceProvider.GetRequiredService<Reminders>().ScheduleAsync(request, Ct);
        await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
    }

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is on the page");
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
