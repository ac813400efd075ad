using System.Net.Http.Json;
using EsRegions.IntegrationTests.Features.Meetings;
using EsRegions.IntegrationTests.Features.Monitoring;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Tenancy;

/// <summary>
/// A signed-in member of a region finds their work on its home page: the open reporting periods that wait for their
/// values (an implementer only their own indicators), the next meetings, and for staff the consultation comments still
/// without an answer. Visitors and members of another region see none of it.
/// </summary>
public sealed class TenantHomeWorkTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Slug = "warmia-mazury", Password = "bardzo-dlugie-haslo-42";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private HttpClient Staff => field ??= ClientAs(Policies.Roles.Staff, Slug);

    [Fact]
    public async Task An_implementers_home_page_lists_their_open_periods_with_due_date_progress_and_lateness_until_approved()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, Slug);
        var olsztyn = await App.OrganisationIdAsync(Slug, "OWES Olsztyn");
        var elblag = await App.OrganisationIdAsync(Slug, "OWES Elbląg");
        await Staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[0].Id}/assignment", new { organisationId = olsztyn }, Ct);
        await Staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[1].Id}/assignment", new { organisationId = olsztyn }, Ct);
        await Staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[2].Id}/assignment", new { organisationId = elblag }, Ct);
        (await Staff.PutAsJsonAsync($"/{Slug}/api/v1/plans/{planId}/periods/2024", new { dueOn = "2025-01-31" }, Ct)).EnsureSuccessStatusCode();
        await App.CreateImplementerAsync("owes@olsztyn.example", Password, Slug, olsztyn);
        var (implementer, _) = await App.SignInAsync(Slug, "owes@olsztyn.example", Password);
        (await implementer.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 100 }, Ct)).EnsureSuccessStatusCode();

        var mine = Work(await implementer.GetStringAsync($"/{Slug}/", Ct));
        var staffs = Work(await Staff.GetStringAsync($"/{Slug}/", Ct));

        // The implementer counts their own two indicators, staff all three assigned; the due date passed with values missing.
        Assert.Contains($"<a href=\"/{Slug}/monitoring/plany/{planId}/okresy/2024\">2024</a>", mine);
        Assert.Contains("termin 31 stycznia 2025 r.,", mine);
        Assert.Contains("przekazane wartości: 1 z 2", mine);
        Assert.Contains("po terminie", mine);
        Assert.Contains("przekazane wartości: 1 z 3", staffs);

        (await implementer.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 30 }, Ct)).EnsureSuccessStatusCode();
        mine = Work(await implementer.GetStringAsync($"/{Slug}/", Ct));
        Assert.Contains("przekazane wartości: 2 z 2", mine);
        Assert.DoesNotContain("po terminie", mine);

        (await Staff.PostAsync($"/{Slug}/api/v1/plans/{planId}/periods/2024/approve", null, Ct)).EnsureSuccessStatusCode();
        mine = Work(await implementer.GetStringAsync($"/{Slug}/", Ct));
        Assert.DoesNotContain("/okresy/2024", mine);
        Assert.Contains("Żaden otwarty okres sprawozdawczy nie czeka na wartości.", mine);
    }

    [Fact]
    public async Task Staff_see_periods_with_every_value_in_as_ready_to_approve()
    {
        var (planId, indicators) = await MonitoringPlans.ImportAsync(Staff, Slug);
        var olsztyn = await App.OrganisationIdAsync(Slug, "OWES Olsztyn");
        await Staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[0].Id}/assignment", new { organisationId = olsztyn }, Ct);
        (await Staff.PutAsJsonAsync($"/{Slug}/api/v1/plans/{planId}/periods/2024", new { dueOn = "2025-01-31" }, Ct)).EnsureSuccessStatusCode();
        (await Staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 100 }, Ct)).EnsureSuccessStatusCode();

        var work = Work(await Staff.GetStringAsync($"/{Slug}/", Ct));

        Assert.Contains("przekazane wartości: 1 z 1", work);
        Assert.Contains("do zatwierdzenia", work);
    }

    [Fact]
    public async Task The_home_page_lists_the_next_meetings_of_the_coming_thirty_days_without_cancelled_ones_and_the_answers_for_the_secretariat()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var soon = DateTime.UtcNow.Date.AddDays(5);
        var next = await secretary.CreateMeetingAsync(Slug, $"{soon:yyyy-MM-dd}T10:00:00", $"{soon:yyyy-MM-dd}T12:00:00");
        var cancelled = await secretary.CreateMeetingAsync(Slug, $"{soon.AddDays(1):yyyy-MM-dd}T10:00:00", $"{soon.AddDays(1):yyyy-MM-dd}T12:00:00");
        (await secretary.PostAsync($"/{Slug}/api/v1/meetings/{cancelled}/cancel", null, Ct)).EnsureSuccessStatusCode();
        var later = await secretary.CreateMeetingAsync(Slug, $"{soon.AddDays(60):yyyy-MM-dd}T10:00:00", $"{soon.AddDays(60):yyyy-MM-dd}T12:00:00");

        await secretary.InviteAsync(Slug, next, ("Anna Nowak", "anna@fundacja.example"), ("Jan Kowalski", "jan@gmina.example"));
        await using (var scope = App.ScopeFor(Slug))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var meeting = await db.Set<Meeting>().SingleAsync(m => m.Id == next, Ct);
            (await db.Set<Invitation>().SingleAsync(i => i.MeetingId == next && i.Email == "anna@fundacja.example", Ct))
                .Respond(meeting, RsvpStatus.Accepted, null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var work = Work(await ClientAs(Policies.Roles.Implementer, Slug).GetStringAsync($"/{Slug}/", Ct));
        var secretariat = Work(await secretary.GetStringAsync($"/{Slug}/", Ct));

        Assert.Contains($"<a href=\"/{Slug}/kalendarz/{next}\">Posiedzenie MKRES</a>", work);
        Assert.DoesNotContain(cancelled.ToString(), work);
        Assert.DoesNotContain(later.ToString(), work);
        // The secretariat sees how the invitees answered; an implementer does not.
        Assert.Contains("Odpowiedzi zaproszonych: 1 weźmie udział, 0 nie weźmie udziału, 0 może, 1 bez odpowiedzi.", secretariat);
        Assert.DoesNotContain("Odpowiedzi zaproszonych", work);
        // A secretary neither reports nor approves: no reporting section, no consultation comments.
        Assert.DoesNotContain("Sprawozdawczość", secretariat);
        Assert.DoesNotContain("Uwagi bez odpowiedzi", secretariat);
    }

    [Fact]
    public async Task Staff_see_the_consultations_with_comments_still_without_an_answer_and_implementers_do_not()
    {
        var (consultation, _) = await AddConsultationWithCommentsAsync(Slug, answered: 1, unanswered: 2);
        var (done, _) = await AddConsultationWithCommentsAsync(Slug, answered: 2, unanswered: 0);
        var (other, _) = await AddConsultationWithCommentsAsync("mazowsze", answered: 0, unanswered: 3);

        var work = Work(await Staff.GetStringAsync($"/{Slug}/", Ct));
        var implementers = Work(await ClientAs(Policies.Roles.Implementer, Slug).GetStringAsync($"/{Slug}/", Ct));

        Assert.Contains($"<a href=\"/{Slug}/konsultacje/{consultation}/uwagi\">", work);
        Assert.Contains("bez odpowiedzi: 2", work);
        Assert.DoesNotContain(done.ToString(), work);
        Assert.DoesNotContain(other.ToString(), work);
        Assert.DoesNotContain("Uwagi bez odpowiedzi", implementers);
    }

    [Fact]
    public async Task The_secretariat_sees_the_calls_whose_applications_wait_for_a_decision()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid waiting, decided;
        await using (var scope = App.ScopeFor(Slug))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var committee = await db.Set<Committee>().Select(c => c.Id).FirstAsync(Ct);
            var open = new MemberCall(committee, "Nabór do MKRES 2027", "Zapraszamy.", today.AddDays(14), today.AddDays(30), []);
            open.Open();
            var done = new MemberCall(committee, "Nabór rozstrzygnięty", "Zapraszamy.", today.AddDays(14), null, []);
            done.Open();
            var applications = new[] { "Anna Nowak", "Jan Kowalski", "Ewa Wiśniewska" }
                .Select(name => new CallApplication(open, name, $"{name.Split(' ')[0].ToLowerInvariant()}@example.org", "Fundacja", SeatCategory.SocialEconomyEntity,
                    "Chcę działać.", rodoConsent: true, DateTimeOffset.UtcNow)).ToList();
            applications[0].Reject("Brak miejsc.", "Sekretarz", DateTimeOffset.UtcNow);
            var other = new CallApplication(done, "Piotr Zieliński", "piotr@example.org", "Gmina", SeatCategory.SocialEconomyEntity, "Chcę działać.", true, DateTimeOffset.UtcNow);
            other.Reject("Brak miejsc.", "Sekretarz", DateTimeOffset.UtcNow);
            db.AddRange(open, done);
            db.AddRange(applications);
            db.Add(other);
            await db.SaveChangesAsync(Ct);
            (waiting, decided) = (open.Id, done.Id);
        }

        var secretariat = Work(await ClientAs(Policies.Roles.Secretary, Slug).GetStringAsync($"/{Slug}/", Ct));
        var implementer = Work(await ClientAs(Policies.Roles.Implementer, Slug).GetStringAsync($"/{Slug}/", Ct));

        Assert.Contains($"<a href=\"/{Slug}/komitety/nabory/{waiting}\">Nabór do MKRES 2027</a> — czeka na decyzję: 2", secretariat);
        Assert.Contains($"odpowiedź obiecana do {UiFormat.Date(today.AddDays(30), UiFormat.Polish)}", secretariat);
        Assert.DoesNotContain(decided.ToString(), secretariat);
        Assert.DoesNotContain("Zgłoszenia do rozpatrzenia", implementer);
    }

    [Fact]
    public async Task The_secretariat_sees_the_seats_whose_term_ends_within_the_regions_reminder_lead_time_linked_to_each()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid committee, ending;
        await using (var scope = App.ScopeFor(Slug))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            committee = await db.Set<Committee>().OrderBy(c => c.Name).Select(c => c.Id).FirstAsync(Ct);
            CommitteeMember Seat(string name, int endsInDays) =>
                new(committee, name, null, "Fundacja", SeatCategory.SocialEconomyEntity, MemberRole.Member, today.AddYears(-3), today.AddDays(endsInDays));
            var soon = Seat("Anna Nowak", 30);
            var left = Seat("Jan Kowalski", 10);
            left.Leave(today.AddDays(-5));
            db.AddRange(soon, left, Seat("Ewa Wiśniewska", 90)); // beyond warmia-mazury's 60 days
            await db.SaveChangesAsync(Ct);
            ending = soon.Id;
        }
        await using (var scope = App.ScopeFor("mazowsze"))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var other = await db.Set<Committee>().Select(c => c.Id).FirstAsync(Ct);
            db.Add(new CommitteeMember(other, "Piotr Zieliński", null, "Gmina", SeatCategory.LocalGovernment, MemberRole.Member, today.AddYears(-3), today.AddDays(20)));
            await db.SaveChangesAsync(Ct);
        }

        var secretariat = Work(await ClientAs(Policies.Roles.Secretary, Slug).GetStringAsync($"/{Slug}/", Ct));
        var implementer = Work(await ClientAs(Policies.Roles.Implementer, Slug).GetStringAsync($"/{Slug}/", Ct));

        Assert.Contains($"<a href=\"/{Slug}/komitety/{committee}/czlonkowie/{ending}\">Anna Nowak</a>", secretariat);
        Assert.Contains($"kadencja kończy się {UiFormat.Date(today.AddDays(30), UiFormat.Polish)}", secretariat);
        foreach (var name in new[] { "Jan Kowalski", "Ewa Wiśniewska", "Piotr Zieliński" }) Assert.DoesNotContain(name, secretariat);
        Assert.DoesNotContain("Kończące się kadencje", implementer);
    }

    [Fact]
    public async Task Staff_see_how_many_emails_failed_and_where_to_send_them_again()
    {
        var quiet = Work(await Staff.GetStringAsync($"/{Slug}/", Ct));
        await App.SeedFailedEmailAsync(Slug, "anna@fundacja.example");
        await App.SeedFailedEmailAsync(Slug, "jan@gmina.example");
        await App.SeedFailedEmailAsync("mazowsze", "ewa@example.org");

        var work = Work(await Staff.GetStringAsync($"/{Slug}/", Ct));
        var implementer = Work(await ClientAs(Policies.Roles.Implementer, Slug).GetStringAsync($"/{Slug}/", Ct));

        Assert.DoesNotContain("failed-emails", quiet);
        Assert.Contains("E-maile, których nie udało się wysłać: 2.", work);
        Assert.Contains($"<a href=\"/{Slug}/powiadomienia\">Sprawdź je i wyślij ponownie</a>", work);
        Assert.DoesNotContain("failed-emails", implementer);
    }

    [Fact]
    public async Task Staff_see_the_plans_being_drafted_and_the_schedule_tasks_whose_end_quarter_has_come_latest_first_and_a_secretary_does_not()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze"); // its plan 2021-2030 is a draft; its seeded tasks have no quarters
        var now = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)); // this app runs on the real clock
        var past = new Quarter(now.Year - 1, now.Number);
        var created = await staff.PostAsJsonAsync("/mazowsze/api/v1/schedules",
            new { title = "Harmonogram RPD 2028", from = past.ToString(), to = now.Next.ToString() }, Ct);
        var scheduleId = (await created.Content.ReadFromJsonAsync<ScheduleSummaryDto>(Ct))!.Id;
        var phaseId = (await (await staff.PostAsJsonAsync($"/mazowsze/api/v1/schedules/{scheduleId}/phases", new { code = "I", title = "Prace" }, Ct))
            .Content.ReadFromJsonAsync<SchedulePhaseDto>(Ct))!.Id;
        async Task<Guid> TaskAsync(string title, Quarter q) =>
            (await (await staff.PostAsJsonAsync($"/mazowsze/api/v1/schedules/{scheduleId}/tasks", new { phaseId, title, from = q.ToString(), to = q.ToString() }, Ct))
                .Content.ReadFromJsonAsync<ScheduleTaskDto>(Ct))!.Id;
        for (var i = 1; i <= 9; i++) await TaskAsync($"Zaległe {i}", past);
        var current = await TaskAsync("Ankieta do OWES", now);
        await TaskAsync("Przyszłe", now.Next);
        var done = await TaskAsync("Wykonane", past);
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{scheduleId}/tasks/{done}", new { status = "done", from = past.ToString(), to = past.ToString() }, Ct))
            .EnsureSuccessStatusCode();

        var home = await staff.GetStringAsync("/mazowsze/", Ct);

        var plans = Between(home, "id=\"plans-in-drafting\"", "</ul>");
        Assert.Contains("/mazowsze/plany/", plans);
        Assert.Contains("/stan\">Plan Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030</a> (projekt)", plans);
        var tasks = Between(home, "id=\"schedule-tasks-due\"", "</ul>");
        Assert.Equal(8, tasks.Split("<li>").Length - 1);
        Assert.StartsWith($"<a href=\"/mazowsze/harmonogramy/{scheduleId}#t-{current}\">Ankieta do OWES</a>", tasks[(tasks.IndexOf("<li>", StringComparison.Ordinal) + 4)..]);
        Assert.DoesNotContain("Przyszłe", tasks);
        Assert.DoesNotContain("Wykonane", tasks);
        Assert.Equal(7, tasks.Split("po terminie").Length - 1);
        Assert.Contains("Oraz starsze zadania niewykonane: 2.", home);
        var secretary = await ClientAs(Policies.Roles.Secretary, "mazowsze").GetStringAsync("/mazowsze/", Ct);
        Assert.DoesNotContain("schedule-tasks-due", secretary);
        Assert.DoesNotContain("plans-in-drafting", secretary);
    }

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {from}");
        return html[start..html.IndexOf(to, start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Visitors_and_members_of_another_region_see_no_ones_work_on_the_home_page()
    {
        var (consultation, _) = await AddConsultationWithCommentsAsync(Slug, answered: 0, unanswered: 1);

        var visitor = await Client.GetStringAsync($"/{Slug}/", Ct);
        var otherRegion = await ClientAs(Policies.Roles.Staff, "mazowsze").GetStringAsync($"/{Slug}/", Ct);
        var own = await Staff.GetStringAsync($"/{Slug}/", Ct);

        Assert.Contains("Twoje sprawy", own);
        Assert.DoesNotContain("Twoje sprawy", visitor);
        Assert.DoesNotContain("Twoje sprawy", otherRegion);
        Assert.DoesNotContain(consultation.ToString(), visitor);
        Assert.DoesNotContain(consultation.ToString(), otherRegion);
    }

    /// <summary>The "your work" section of a home page.</summary>
    private static string Work(string html)
    {
        var start = html.IndexOf("id=\"your-work\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the home page has no section of the reader's work");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>An open consultation (invited participants only) with one participant's comments, some answered.</summary>
    private async Task<(Guid Id, Guid Participant)> AddConsultationWithCommentsAsync(string slug, int answered, int unanswered)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var consultation = new Consultation($"Projekt {slug} z uwagami", null, null, false,
            ConsultationSchedule.Create(today, today.AddDays(30), moveToNextWorkingDay: false));
        consultation.Open(now);
        var participant = new ConsultationParticipant(consultation.Id, new ParticipantCandidate("Anna Nowak", "anna@fundacja.example", "Fundacja Razem"), "manual", now);
        var comments = Enumerable.Range(0, answered + unanswered)
            .Select(i => new ConsultationComment(consultation.Id, participant.Id, null, new CommentText($"Uwaga {i + 1}", null, null), now))
            .ToList();
        foreach (var c in comments.Take(answered)) c.Respond(CommentDecision.Accepted, "Uwzględniono.", now);

        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Add(consultation);
        db.Add(participant);
        db.AddRange(comments);
        await db.SaveChangesAsync(Ct);
        return (consultation.Id, participant.Id);
    }
}
