using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Consultations;

public sealed class ConsultationStaffPagesTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = base.CreateFactory(database);
        factory.Settings["RateLimits:EmailLinksPerMinute"] = "5";
        return factory;
    }

    [Fact]
    public async Task A_pasted_list_with_errors_adds_nobody_and_the_page_names_each_bad_row()
    {
        var id = (await CreateAsync()).Id;
        var (page, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        var response = await StaffPostAsync($"/{Slug}/konsultacje/{id}?handler=Participants", page, html, new()
        {
            ["Source"] = "list",
            ["Pasted"] = "Anna Nowak; anna@fundacja.example; Fundacja Razem\nJan Kowalski; jan@@gmina; Gmina\n; ewa@ops.example; OPS",
        });
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wiersz 2: niepoprawny adres e-mail „jan@@gmina”", body);
        Assert.Contains("Wiersz 3: brak imienia i nazwiska", body);
        Assert.Empty((await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!);

        // The same list in the English interface: each bad row in English.
        var english = await StaffPostAsync($"/{Slug}/konsultacje/{id}?handler=Participants&culture=en-GB&ui-culture=en-GB", page, html, new()
        {
            ["Source"] = "list",
            ["Pasted"] = "Anna Nowak; anna@fundacja.example; Fundacja Razem\nJan Kowalski; jan@@gmina; Gmina\n; ewa@ops.example; OPS",
        });
        var englishBody = await english.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Row 2: invalid e-mail address “jan@@gmina”", englishBody);
        Assert.Contains("Row 3: no name", englishBody);
    }

    [Fact]
    public async Task A_pasted_list_adds_participants_with_their_organisation()
    {
        var id = (await CreateAsync()).Id;
        var (page, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        var response = await StaffPostAsync($"/{Slug}/konsultacje/{id}?handler=Participants", page, html, new()
        {
            ["Source"] = "list",
            ["Pasted"] = "Anna Nowak; anna@fundacja.example; Fundacja Razem\nJan Kowalski; jan@gmina.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var people = (await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!;
        Assert.Equal([("Anna Nowak", "Fundacja Razem"), ("Jan Kowalski", null)], people.Select(p => (p.Name, p.Organisation)));
        Assert.All(people, p => Assert.Equal("list", p.Source));
    }

    [Fact]
    public async Task The_consultation_page_leads_to_the_plan_it_consults()
    {
        var id = (await CreateAsync()).Id;

        var (_, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        var at = html.IndexOf("Elementy do komentowania", StringComparison.Ordinal);
        Assert.True(at > 0);
        Assert.Contains($"<a href=\"/{Slug}/plany/{await PlanIdAsync()}\">Plan, wersja 1</a>", html[Math.Max(0, at - 300)..at]);
    }

    [Fact]
    public async Task The_reply_page_is_rate_limited_per_address()
    {
        await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var browser = Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await browser.GetAsync(path, Ct)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Opening_early_publishing_with_unanswered_comments_is_refused_with_the_reason()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        var html = await anna.GetStringAsync(path, Ct);
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(html), (0, null, "Uwaga", null, null)), Ct);
        Clock.Set(new DateTimeOffset(2026, 4, 11, 8, 0, 0, TimeSpan.Zero));

        var publish = await Staff.PostAsync($"/{Slug}/api/v1/consultations/{id}/report/publish", null, Ct);
        var reopen = await Staff.PostAsync($"/{Slug}/api/v1/consultations/{id}/open", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("brakuje 1", await publish.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser().GetAsync($"/{Slug}/konsultacje/{id}/raport-publiczny", Ct)).StatusCode);

        // The report page gives the same reason, in the language of its interface.
        var (page, reportHtml) = await StaffPageAsync($"/{Slug}/konsultacje/{id}/raport");
        var polish = await StaffPostAsync($"/{Slug}/konsultacje/{id}/raport?handler=Publish", page, reportHtml, new());
        var english = await StaffPostAsync($"/{Slug}/konsultacje/{id}/raport?handler=Publish&culture=en-GB&ui-culture=en-GB", page, reportHtml, new());
        Assert.Contains("Nie wszystkie uwagi mają stanowisko (brakuje 1): raport musi odpowiadać na każdą uwagę.", await polish.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Not every comment has a response (1 missing): the report must answer every comment.", await english.Content.ReadAsStringAsync(Ct));
    }
}
