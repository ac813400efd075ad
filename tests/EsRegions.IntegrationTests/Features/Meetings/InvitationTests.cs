using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Ical.Net;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>Invitations read back from a real MailDev: one message per person, with an iTIP request and a personal RSVP link.</summary>
public sealed class InvitationTests(PostgresServer postgres) : MeetingMailTestBase(postgres)
{
    private HttpClient Secretary => ClientAs(Policies.Roles.Secretary, "malopolska");

    [Fact]
    public async Task Each_invitee_gets_one_email_with_text_html_an_itip_request_and_an_ics_file()
    {
        var id = await Secretary.CreateMeetingAsync("malopolska");

        var batch = await Secretary.InviteAsync("malopolska", id, ("Jan Kowalski", "jan@owes.example"), ("Anna Nowak", "anna@jst.example"),
            ("Jan Kowalski", "JAN@owes.example"));
        await DispatchUntilIdleAsync();

        Assert.Equal(2, batch.Queued);
        Assert.Equal(2, (await Mail!.EmailsAsync()).Count);
        var message = Assert.Single(await Mail.MessagesToAsync("jan@owes.example"));
        Assert.Equal("Zaproszenie: Posiedzenie MKRES — wtorek, 17 marca 2026 r., godz. 10:00–12:00", message.Subject);
        Assert.Contains("Termin: wtorek, 17 marca 2026 r., godz. 10:00–12:00", message.TextBody);
        Assert.Contains("Miejsce: Kraków, ul. Racławicka 56, sala 2", message.TextBody);
        Assert.Contains("Spotkanie online: https://meet.example.org/mkres-marzec", message.TextBody);
        Assert.Contains("ul. Racławicka 56, sala 2", message.HtmlBody); // the composer encodes "ó" as an entity
        var part = message.CalendarPart();
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "zaproszenie.ics");

        var calendar = Calendar.Load(part.Text)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"{id:N}@esregions", ev.Uid);
        Assert.Equal(0, ev.Sequence);
        Assert.Equal("Europe/Warsaw", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(("Europe/Warsaw", new DateTime(2026, 3, 17, 10, 0, 0)), (ev.DtStart!.TzId, ev.DtStart.Value));
        var attendee = Assert.Single(ev.Attendees);
        Assert.Equal(("mailto:jan@owes.example", true), (attendee.Value!.ToString(), attendee.Rsvp));
        Assert.Equal("mailto:es@rops.krakow.pl", ev.Organizer!.Value!.ToString());
    }

    [Fact]
    public async Task Opening_the_rsvp_link_changes_nothing_and_posting_an_answer_records_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, _, _, path) = await InviteAndDeliverAsync(Secretary, "malopolska");
        var person = Person();

        var page = await person.GetAsync(path, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        await person.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Posiedzenie MKRES", html);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Equal("pending", (await Secretary.ResponsesAsync("malopolska", id)).Single().Status);

        var post = await person.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Answer"] = "Declined", ["Substitute"] = "Ewa Zastępcza", ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html),
        }), ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var answer = (await Secretary.ResponsesAsync("malopolska", id)).Single();
        Assert.Equal(("jan@owes.example", "declined", "Ewa Zastępcza"), (answer.Email, answer.Status, answer.Substitute));
    }

    [Fact]
    public async Task Answer_can_change_until_the_meeting_starts_and_not_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, _, _, path) = await InviteAndDeliverAsync(Secretary, "malopolska");
        var person = Person();

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(person, path, "Accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(person, path, "Tentative")).StatusCode);
        Assert.Equal("tentative", (await Secretary.ResponsesAsync("malopolska", id)).Single().Status);
        var form = await person.GetStringAsync(path, ct);
        Clock.Set(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero)); // 10:00 in Warsaw: the start
        Assert.Equal(HttpStatusCode.Conflict, (await AnswerAsync(person, path, "Declined", form)).StatusCode);
        Assert.Equal("tentative", (await Secretary.ResponsesAsync("malopolska", id)).Single().Status);
    }

    [Fact]
    public async Task Invalid_or_another_regions_rsvp_link_shows_the_generic_page_with_404()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, _, path) = await InviteAndDeliverAsync(Secretary, "malopolska");

        var other = await Client.GetAsync(path.Replace("/malopolska/", "/mazowsze/"), ct);
        var tampered = await Client.GetAsync(path[..^2] + (path.EndsWith("AA") ? "BB" : "AA"), ct);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Contains("Ten link nie działa", await other.Content.ReadAsStringAsync(ct));
        Assert.DoesNotContain("Posiedzenie MKRES", await other.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Moving_a_meeting_sends_an_update_with_the_same_uid_and_a_higher_sequence_and_cancelling_sends_cancel()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await InviteAndDeliverAsync(Secretary, "malopolska")).MeetingId;

        var moved = await Secretary.PutAsJsonAsync($"/malopolska/api/v1/meetings/{id}/schedule", new
        {
            startsAt = "2026-03-24T11:00:00", endsAt = "2026-03-24T13:00:00", location = "Kraków, ul. Racławicka 56, sala 5",
        }, ct);
        await DispatchUntilIdleAsync();
        var cancelled = await Secretary.PostAsync($"/malopolska/api/v1/meetings/{id}/cancel", null, ct);
        await DispatchUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var messages = await Mail!.MessagesToAsync("jan@owes.example");
        Assert.Equal(3, messages.Count);
        var events = messages.Select(m => (Method: m.CalendarPart().ContentType.Parameters["method"], Calendar: Calendar.Load(m.CalendarPart().Text)!)).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Method));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(e => e.Calendar.Method));
        Assert.Single(events.Select(e => e.Calendar.Events.Single().Uid).Distinct());
        Assert.Equal([0, 1, 2], events.Select(e => e.Calendar.Events.Single().Sequence));
        Assert.Equal(new DateTime(2026, 3, 24, 11, 0, 0), events[1].Calendar.Events.Single().DtStart!.Value);
        Assert.Equal("CANCELLED", events[2].Calendar.Events.Single().Status);
        Assert.StartsWith("Zmiana: Posiedzenie MKRES — wtorek, 24 marca 2026 r., godz. 11:00–13:00", messages[1].Subject);
        Assert.Contains("Miejsce: Kraków, ul. Racławicka 56, sala 5", messages[1].TextBody);
        Assert.StartsWith("Odwołane: Posiedzenie MKRES", messages[2].Subject);
    }

    [Fact]
    public async Task Batch_progress_counts_queued_then_sent_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await Secretary.CreateMeetingAsync("malopolska");
        var batch = await Secretary.InviteAsync("malopolska", id, ("A", "a@example.org"), ("B", "b@example.org"), ("C", "c@example.org"));
        var url = $"/malopolska/api/v1/meetings/{id}/invitations/batches/{batch.BatchId}";

        var before = await Secretary.GetFromJsonAsync<EsRegions.Web.Features.Meetings.BatchDto>(url, ct);
        await DispatchUntilIdleAsync();
        var after = await Secretary.GetFromJsonAsync<EsRegions.Web.Features.Meetings.BatchDto>(url, ct);

        Assert.Equal((3, 3, 0, 0), (before!.Queued, before.Pending, before.Sent, before.Failed));
        Assert.Equal((3, 0, 3, 0), (after!.Queued, after.Pending, after.Sent, after.Failed));
        var page = await Secretary.GetStringAsync($"/malopolska/kalendarz/{id}/wysylka/{batch.BatchId}", ct);
        Assert.Contains("wysłane: 3", page);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient person, string path, string answer, string? form = null)
    {
        var html = form ?? await person.GetStringAsync(path);
        return await person.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Answer"] = answer, ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html),
        }));
    }
}
