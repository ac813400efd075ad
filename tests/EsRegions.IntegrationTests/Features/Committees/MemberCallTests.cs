using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Features.Meetings;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>Calls for members (seed 001) end to end: the public form, the confirmation e-mail, staff decisions read back from a real MailDev.</summary>
public sealed class MemberCallTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private const string Slug = "malopolska";
    private HttpClient Secretary => ClientAs(Policies.Roles.Secretary, Slug);
    private HttpClient Person() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Seed_001_call_of_mazowsze_is_public_closed_with_its_dates_in_polish_and_its_text_as_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");

        var call = Assert.Single((await staff.GetFromJsonAsync<List<CallSummaryDto>>("/mazowsze/api/v1/calls", ct))!);
        var page = await Client.GetAsync($"/mazowsze/nabory/{call.Id}", ct);
        var html = await page.Content.ReadAsStringAsync(ct);

        Assert.Equal(("closed", new DateOnly(2019, 6, 6), new DateOnly(2019, 6, 11)), (call.Status, call.ApplicationDeadline, call.ConfirmationBy));
        Assert.StartsWith("Zespół ds. opracowania Planu", call.Committee);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ZAPROSZENIE DO UDZIAŁU W PRACACH GRUPY DS. OPRACOWANIA PLANU ROZWOJU EKONOMII SPOŁECZNEJ NA MAZOWSZU NA LATA 2021-2030", html);
        Assert.Contains("06.06.2019 r. (czwartek)", html);
        var text = (await staff.GetFromJsonAsync<CallDto>($"/mazowsze/api/v1/calls/{call.Id}", ct))!.Text;
        Assert.Contains("krzysztof.pilecki@mcps-efs.pl do dnia\u00a006.06.2019 r. (czwartek)", text); // the seed's no-break space, kept
        Assert.StartsWith("Szanowni Państwo!\n\n", text);
        Assert.EndsWith("Zapraszam do zgłaszania swojego udziału w pracach grupy.", text);
        Assert.Contains("aktywne włączenie w prace grypy ds. opracowania", html); // the seed's own spelling, kept
        Assert.Matches(@"id=""deadline"">6 czerwca 2019 r\.<", html);
        Assert.Matches(@"id=""confirmation"">11 czerwca 2019 r\.<", html);
        Assert.Contains("Nabór jest zamknięty", html);
        Assert.DoesNotContain("Form.FullName", html);
        Assert.Contains(call.Title, await Client.GetStringAsync("/mazowsze/nabory", ct));
    }

    [Fact]
    public async Task Applying_stores_the_application_and_the_applicant_receives_a_confirmation_email()
    {
        var callId = await Secretary.OpenCallAsync(Slug);

        var response = await Person().ApplyAsync(Slug, callId, CallTestSupport.Application());
        await DispatchUntilIdleAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/{Slug}/nabory/{callId}?wyslano=true", response.Headers.Location!.ToString());
        var application = Assert.Single(await Secretary.ApplicationsAsync(Slug, callId));
        Assert.Equal(("Anna Nowak", "anna@pes.example", "socialEconomyEntity", "submitted", true),
            (application.Name, application.Email, application.Seat, application.Status, application.RodoConsent));
        var mail = Assert.Single(await Mail!.MessagesToAsync("anna@pes.example"));
        Assert.Equal("Potwierdzenie zgłoszenia: Nabór do grupy roboczej ds. usług społecznych", mail.Subject);
        Assert.Contains("Anna Nowak, Spółdzielnia Socjalna „Razem”; miejsce (sektor): PES.", mail.TextBody);
        Assert.Contains("do 27 marca 2026 r.", mail.TextBody);
        Assert.Contains($"/{Slug}/nabory/{callId}", mail.TextBody);
    }

    [Fact]
    public async Task Accepting_on_the_staff_page_seats_the_applicant_for_three_years_and_emails_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = Secretary; // one client: the antiforgery cookie of the GET goes with the POST
        var callId = await secretary.OpenCallAsync(Slug);
        await Person().ApplyAsync(Slug, callId, CallTestSupport.Application());
        var applicationId = (await secretary.ApplicationsAsync(Slug, callId)).Single().Id;
        var review = $"/{Slug}/komitety/nabory/{callId}";
        var html = await secretary.GetStringAsync(review, ct);
        Assert.Contains("data-confirm=\"Odrzucić zgłoszenie: Anna Nowak? Zgłaszający dostanie wiadomość z decyzją.\"", html); // a rejection asks first

        var accepted = await secretary.PostAsync($"{review}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["applicationId"] = applicationId.ToString(), ["Decision.Role"] = "Member", ["Decision.Note"] = "Pierwsze posiedzenie w kwietniu.",
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html),
        }), ct);
        await DispatchUntilIdleAsync();

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var application = (await Secretary.ApplicationsAsync(Slug, callId)).Single();
        Assert.Equal(("accepted", "Pierwsze posiedzenie w kwietniu."), (application.Status, application.Note));
        var committeeId = (await Secretary.GetFromJsonAsync<CallDto>($"/{Slug}/api/v1/calls/{callId}", ct))!.CommitteeId;
        var member = (await Secretary.GetFromJsonAsync<CommitteeDto>($"/{Slug}/api/v1/committees/{committeeId}", ct))!.Members.Single();
        Assert.Equal((application.MemberId, "Anna Nowak", "socialEconomyEntity", "member", new DateOnly(2026, 3, 2), new DateOnly(2029, 3, 1)),
            ((Guid?)member.Id, member.Name, member.Seat, member.Role, member.TermFrom, member.TermTo));
        var mail = (await Mail!.MessagesToAsync("anna@pes.example")).Last();
        Assert.StartsWith("Zgłoszenie przyjęte: ", mail.Subject);
        Assert.Contains("kadencja od 2 marca 2026 r. do 1 marca 2029 r.", mail.TextBody);
        Assert.Contains("Pierwsze posiedzenie w kwietniu.", mail.TextBody);
    }

    [Fact]
    public async Task Rejecting_through_the_api_records_the_note_adds_no_member_and_emails_the_applicant()
    {
        var ct = TestContext.Current.CancellationToken;
        var callId = await Secretary.OpenCallAsync(Slug);
        await Person().ApplyAsync(Slug, callId, CallTestSupport.Application());
        var applicationId = (await Secretary.ApplicationsAsync(Slug, callId)).Single().Id;

        var rejected = await Secretary.PostAsJsonAsync($"/{Slug}/api/v1/calls/{callId}/applications/{applicationId}/decision",
            new { decision = "rejected", note = "Sektor PES ma już komplet przedstawicieli." }, ct);
        var again = await Secretary.PostAsJsonAsync($"/{Slug}/api/v1/calls/{callId}/applications/{applicationId}/decision", new { decision = "accepted" }, ct);
        await DispatchUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var application = (await Secretary.ApplicationsAsync(Slug, callId)).Single();
        Assert.Equal(("rejected", (Guid?)null), (application.Status, application.MemberId));
        var committeeId = (await Secretary.GetFromJsonAsync<CallDto>($"/{Slug}/api/v1/calls/{callId}", ct))!.CommitteeId;
        Assert.Empty((await Secretary.GetFromJsonAsync<CommitteeDto>($"/{Slug}/api/v1/committees/{committeeId}", ct))!.Members);
        var mail = (await Mail!.MessagesToAsync("anna@pes.example")).Last();
        Assert.StartsWith("Decyzja w sprawie zgłoszenia: ", mail.Subject);
        Assert.Contains("Uzasadnienie: Sektor PES ma już komplet przedstawicieli.", mail.TextBody);
    }

    [Fact]
    public async Task A_closed_call_and_a_call_past_its_deadline_refuse_the_post_and_store_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var closedId = await Secretary.OpenCallAsync(Slug);
        var lateId = await Secretary.OpenCallAsync(Slug);
        var person = Person();
        var closedForm = await person.GetStringAsync($"/{Slug}/nabory/{closedId}", ct);
        var lateForm = await person.GetStringAsync($"/{Slug}/nabory/{lateId}", ct);
        Assert.Equal(HttpStatusCode.NoContent, (await Secretary.PostAsync($"/{Slug}/api/v1/calls/{closedId}/close", null, ct)).StatusCode);
        Clock.Set(new DateTimeOffset(2026, 3, 20, 23, 30, 0, TimeSpan.Zero)); // 21 March in Warsaw: the day after the deadline

        var closed = await PostAsync(person, closedId, closedForm);
        var late = await PostAsync(person, lateId, lateForm);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (closed.StatusCode, late.StatusCode));
        Assert.Contains("Nabór jest zamknięty", await late.Content.ReadAsStringAsync(ct));
        Assert.Empty(await Secretary.ApplicationsAsync(Slug, closedId));
        Assert.Empty(await Secretary.ApplicationsAsync(Slug, lateId));
        Assert.Empty(await OutboxAsync(Slug));
    }

    [Fact]
    public async Task The_form_names_each_missing_or_wrong_field_next_to_it_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var callId = await Secretary.OpenCallAsync(Slug);

        var response = await Person().ApplyAsync(Slug, callId, new()
        {
            ["Form.FullName"] = "", ["Form.Email"] = "anna(at)pes", ["Form.Institution"] = "", ["Form.Seat"] = "University", ["Form.Motivation"] = "",
        });
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (field, message) in new[]
        {
            ("Form.FullName", "Podaj imię i nazwisko."), ("Form.Email", "Podaj poprawny adres e-mail, np. jan.kowalski@example.pl."),
            ("Form.Institution", "Podaj instytucję lub organizację, którą reprezentujesz."), ("Form.Seat", "Ten nabór nie obejmuje wybranego sektora."),
            ("Form.Motivation", "Napisz, kogo reprezentujesz i dlaczego chcesz dołączyć."),
            ("Form.RodoConsent", "Potwierdź, że znasz informację o przetwarzaniu danych osobowych."),
        })
            Assert.Matches(new Regex($@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>{Regex.Escape(message)}<"), html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Empty(await Secretary.ApplicationsAsync(Slug, callId));
    }

    [Fact]
    public async Task The_api_names_each_invalid_field_of_a_new_call()
    {
        var ct = TestContext.Current.CancellationToken;

        var response = await Secretary.PostAsJsonAsync($"/{Slug}/api/v1/calls", new { title = " ", seats = new[] { "pes" }, confirmationBy = "2026-01-01" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(ct);
        Assert.Equal(["applicationDeadline", "committeeId", "seats[0]", "text", "title"], problem!.Errors.Keys.Order());
    }

    [Fact]
    public async Task Opening_schedules_the_deadline_and_confirmation_reminders_and_deciding_every_application_cancels_the_second()
    {
        var ct = TestContext.Current.CancellationToken;
        var callId = await Secretary.OpenCallAsync(Slug);
        await Person().ApplyAsync(Slug, callId, CallTestSupport.Application());
        var scheduled = await RemindersAsync(callId);
        var applicationId = (await Secretary.ApplicationsAsync(Slug, callId)).Single().Id;

        await Secretary.PostAsJsonAsync($"/{Slug}/api/v1/calls/{callId}/applications/{applicationId}/decision", new { decision = "accepted" }, ct);
        var after = await RemindersAsync(callId);

        Assert.Equal([("callConfirmation", new DateOnly(2026, 3, 27), ReminderState.Scheduled), ("callDeadline", new DateOnly(2026, 3, 20), ReminderState.Scheduled)],
            scheduled.Select(r => (r.Kind, r.Deadline, r.State)).Order());
        Assert.Contains(scheduled, r => r.Kind == "callDeadline" && r.Recipients.Any(x => x.Address == "rops@rops.krakow.pl"));
        Assert.Equal(ReminderState.Cancelled, after.Single(r => r.Kind == "callConfirmation").State);
        Assert.Equal(ReminderState.Scheduled, after.Single(r => r.Kind == "callDeadline").State);
    }

    private async Task<List<Reminder>> RemindersAsync(Guid callId)
    {
        await using var scope = App.ScopeFor(Slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>().Where(r => r.SubjectId == callId)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient person, Guid callId, string form)
    {
        var fields = CallTestSupport.Application();
        fields["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form);
        return person.PostAsync($"/{Slug}/nabory/{callId}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }
}
