using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>Dates, participants lists, plain-text comments, isolation and reminders, through the HTTP surface.</summary>
public sealed class ConsultationRulesTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    [Fact]
    public async Task A_programme_consultation_shorter_than_35_days_is_created_with_a_warning()
    {
        var shortOne = await CreateAsync("2026-03-02", "2026-04-03", programme: true);
        var enough = await CreateAsync("2026-03-02", "2026-04-10", programme: true);

        Assert.Equal(33, shortOne.Days);
        Assert.Equal(ConsultationWarning.ShorterThanStatutory, Assert.Single(shortOne.Warnings).Code);
        Assert.Empty(enough.Warnings);
    }

    [Fact]
    public async Task A_closing_day_on_a_holiday_moves_to_the_next_working_day_by_the_regions_rule()
    {
        var created = await CreateAsync("2026-03-02", "2026-05-03", programme: true); // 3 May, a Sunday and a holiday

        Assert.Equal(new DateOnly(2026, 5, 4), created.EffectiveClosesOn);
        Assert.Contains(created.Warnings, w => w.Code == ConsultationWarning.ClosingDayMoved);
    }

    [Fact]
    public async Task A_csv_list_with_a_bad_row_adds_nobody_and_the_error_names_the_row()
    {
        var created = await CreateAsync();
        var csv = "imię i nazwisko;e-mail;organizacja\nAnna Nowak;anna@fundacja.example;Fundacja\nJan Kowalski;jan-at-gmina;Gmina\n";

        var response = await Staff.PostAsync($"/{Slug}/api/v1/consultations/{created.Id}/participants", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Wiersz 3: niepoprawny adres e-mail „jan-at-gmina”", problem.GetProperty("errors").GetProperty("csv")[0].GetString());
        Assert.Empty((await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{created.Id}/participants", Ct))!);
    }

    [Theory]
    [InlineData("pl-PL", "Dokument jako całość")]
    [InlineData("en-GB", "The document as a whole")]
    public async Task The_staff_comments_page_names_the_whole_document_in_the_ui_language(string culture, string whole)
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(await anna.GetStringAsync(path, Ct)), (0, null, "Uwaga ogólna.", null, null)), Ct);

        var byElement = await Staff.GetStringAsync($"/{Slug}/konsultacje/{id}/uwagi?culture={culture}&ui-culture={culture}", Ct);
        var byParticipant = await Staff.GetStringAsync($"/{Slug}/konsultacje/{id}/uwagi?widok=uczestnicy&culture={culture}&ui-culture={culture}", Ct);

        Assert.Contains($"class=\"h5\">{whole}</h2>", byElement);
        Assert.Contains($"class=\"h6\">{whole}</h3>", byParticipant);
    }

    [Theory]
    [InlineData("pl-PL", "Wybierz stanowisko: uwzględniona, częściowo uwzględniona albo nieuwzględniona.", "Podaj uzasadnienie stanowiska.")]
    [InlineData("en-GB", "Choose a response: accepted, partly accepted or rejected.", "Give the justification of the response.")]
    public async Task A_response_without_decision_or_justification_is_refused_in_the_pages_language(string culture, string decision, string justification)
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(await anna.GetStringAsync(path, Ct)), (0, null, "Uwaga ogólna.", null, null)), Ct);
        var comment = (await CommentsAsync(id)).Single();
        var (page, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}/uwagi");

        var response = await StaffPostAsync($"/{Slug}/konsultacje/{id}/uwagi?handler=Respond&culture={culture}&ui-culture={culture}", page, html, new()
        {
            ["commentId"] = comment.Id.ToString(), ["justification"] = " ",
        });
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($">{decision}</div>", body);
        Assert.Contains($">{justification}</div>", body);
        Assert.Null((await CommentsAsync(id)).Single().Response);
    }

    [Fact]
    public async Task Html_in_a_comment_is_shown_as_text_on_the_staff_and_public_pages()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        var html = await anna.GetStringAsync(path, Ct);
        const string attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(html), (0, null, attack, "<b>pogrubione</b>", null)), Ct);

        var own = await anna.GetStringAsync(path, Ct);
        var staffPage = await Staff.GetStringAsync($"/{Slug}/konsultacje/{id}/uwagi", Ct);
        var reportPage = await Staff.GetStringAsync($"/{Slug}/konsultacje/{id}/raport", Ct);

        foreach (var page in new[] { own, staffPage, reportPage })
        {
            Assert.DoesNotContain("<script>alert", page);
            Assert.DoesNotContain("<img src=x", page);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
        }
        Assert.Equal(attack, (await CommentsAsync(id)).Single().Text);
    }

    [Fact]
    public async Task Another_region_cannot_read_the_comments_through_the_api_or_the_pages()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/consultations/{id}/comments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/consultations/{id}/report?format=xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/{Slug}/api/v1/consultations/{id}/comments", Ct)).StatusCode);
        foreach (var page in new[] { "", "/uwagi", "/raport" })
            Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/konsultacje/{id}{page}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/consultations/{id}/comments/{Guid.NewGuid()}/response",
            new { decision = "accepted", justification = "x" }, Ct)).StatusCode);
        Assert.DoesNotContain(id, (await mazowsze.GetFromJsonAsync<List<ConsultationSummaryDto>>("/mazowsze/api/v1/consultations", Ct))!.Select(c => c.Id));
    }

    [Fact]
    public async Task A_secretary_or_implementer_cannot_read_the_comments()
    {
        var id = (await CreateAsync()).Id;

        foreach (var role in new[] { Policies.Roles.Secretary, Policies.Roles.Implementer })
            Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(role, Slug).GetAsync($"/{Slug}/api/v1/consultations/{id}/comments", Ct)).StatusCode);
    }

    [Fact]
    public async Task Participants_without_a_reply_get_a_reminder_with_a_working_personal_link_and_staff_hear_at_the_close()
    {
        await App.CreateUserAsync("referent@rops.example", "Haslo-123456!", Slug, Policies.Roles.Staff);
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        var html = await anna.GetStringAsync(path, Ct);
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(html), (0, null, "Uwaga Anny", null, null)), Ct);

        Clock.Set(new DateTimeOffset(2026, 4, 3, 6, 30, 0, TimeSpan.Zero)); // 7 days before 10 April, at 08:00 Warsaw
        Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync();
        await DispatchUntilIdleAsync();

        var reminder = (await EmailsToAsync("jan@gmina.example")).Last();
        Assert.StartsWith("Przypomnienie: konsultacje „Projekt Rocznego Planu Działania 2027”", reminder.GetProperty("subject").GetString());
        Assert.Single(await EmailsToAsync("anna@fundacja.example"));
        var janPath = await ReplyPathFromEmailAsync("jan@gmina.example");
        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync(janPath, Ct)).StatusCode);

        Clock.Set(new DateTimeOffset(2026, 4, 11, 7, 0, 0, TimeSpan.Zero)); // the morning after the close
        await SweepAsync();
        await DispatchUntilIdleAsync();
        var staff = Assert.Single(await EmailsToAsync("referent@rops.example"));
        Assert.Equal("Konsultacje „Projekt Rocznego Planu Działania 2027” zakończyły się", staff.GetProperty("subject").GetString());
        Assert.Contains($"/malopolska/konsultacje/{id}/uwagi", staff.GetProperty("text").GetString());
    }

    private Task<int> SweepAsync() =>
        App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId(Slug), Ct);
}
