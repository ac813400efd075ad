using System.Text.RegularExpressions;
using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Consultations;

public sealed partial class ConsultationPagesTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    private const string Slug = "malopolska";

    [Fact]
    public async Task A_participant_comments_on_a_phone_sized_screen_without_sideways_scrolling_and_the_page_is_axe_clean()
    {
        var (_, path) = await OpenConsultationAsync();
        await Page.SetViewportSizeAsync(375, 667);

        await OpenAsync(path);
        var wide = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
        Assert.True(wide.Length == 0, "the page scrolls sideways: " + string.Join(", ", wide.Take(8)));
        await AssertAccessibleAsync();

        var whole = Page.Locator("section.reply-element").First;
        await whole.Locator("summary").ClickAsync();
        await whole.GetByLabel("Uwaga", new() { Exact = true }).FillAsync("Projekt nie mówi, kto koordynuje działania w powiatach.");
        await whole.GetByLabel("Uzasadnienie (nieobowiązkowo)").FillAsync("Bez koordynatora działania się dublują.");
        var box = await whole.GetByLabel("Uwaga", new() { Exact = true }).BoundingBoxAsync();
        Assert.True(box!.Width >= 300, $"the comment box is {box.Width}px wide on a phone");
        await whole.GetByRole(AriaRole.Button, new() { Name = "Zapisz uwagi" }).ClickAsync();

        await WaitForPageAsync("**dodano=1**");
        Assert.Contains("Nowe uwagi: 1", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Projekt nie mówi, kto koordynuje działania w powiatach.",
            await Page.Locator("section.reply-element").First.GetByLabel("Uwaga", new() { Exact = true }).InputValueAsync());
        await AssertAccessibleAsync();

        Assert.Equal("Wycofać tę uwagę?",
            await ClickAndAnswerAsync(Page.Locator("section.reply-element").First.GetByRole(AriaRole.Button, new() { Name = "Wycofaj uwagę" }), confirm: true));
        await WaitForPageAsync("**wycofano=1**");
        Assert.Contains("wycofane: 1", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
    }

    [Fact]
    public async Task Staff_pages_the_public_report_the_public_form_and_the_invalid_link_page_are_axe_clean()
    {
        var (id, path) = await OpenConsultationAsync(publicLink: true);
        await OpenAsync(path);
        await Page.Locator("section.reply-element").First.Locator("summary").ClickAsync();
        await Page.Locator("section.reply-element").First.GetByLabel("Uwaga", new() { Exact = true }).FillAsync("<b>Uwaga</b> = ważna");
        await Page.Locator("section.reply-element").First.GetByRole(AriaRole.Button, new() { Name = "Zapisz uwagi" }).ClickAsync();
        await WaitForPageAsync("**dodano=1**");
        string publicKey;
        await using (var scope = App.ScopeFor(Slug))
            publicKey = (await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Consultation>().SingleAsync(TestContext.Current.CancellationToken)).PublicKey!;

        var pages = new List<string> { ConsultationPaths.PublicForm(publicKey), "konsultacje/odpowiedz/" + new string('x', 43) };
        foreach (var p in pages) await AssertAxeCleanAsync(p);

        await SignInAsync(Policies.Roles.Staff, Slug);
        foreach (var p in new[] { "konsultacje", "konsultacje/nowe", $"konsultacje/{id}", $"konsultacje/{id}/wysylka", $"konsultacje/{id}/uwagi", $"konsultacje/{id}/uwagi?widok=uczestnicy" })
            await AssertAxeCleanAsync(p);

        // Staff answer on the page, close, publish; the report pages stay clean.
        await Page.GetByLabel("częściowo uwzględniona").CheckAsync();
        await Page.GetByLabel("Uzasadnienie stanowiska").FillAsync("Koordynację opisze regulamin.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zapisz stanowisko" }).ClickAsync();
        await WaitForPageAsync("**/uwagi?widok=*");
        await OpenAsync($"/{Slug}/konsultacje/{id}");
        await ClickAndAnswerAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Zamknij konsultacje teraz" }), confirm: true);
        await WaitForPageAsync("**zrobione=zamknieto");
        await AssertAxeCleanAsync($"konsultacje/{id}/raport");
        var publish = Page.GetByRole(AriaRole.Button, new() { Name = "Opublikuj raport i powiadom uczestników" });
        Assert.StartsWith("Opublikować raport?", await ClickAndAnswerAsync(publish, confirm: false));
        Assert.DoesNotContain("opublikowano", Page.Url);
        await ClickAndAnswerAsync(publish, confirm: true);
        await WaitForPageAsync("**opublikowano=true");
        await AssertAxeCleanAsync($"konsultacje/{id}/raport-publiczny");
        Assert.Contains("Uwaga częściowo uwzględniona", await Page.Locator("main").InnerTextAsync());
        Assert.Contains("<b>Uwaga</b> = ważna", await Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task On_a_phone_the_public_report_shows_each_comment_as_a_block_with_its_column_names_and_a_wide_screen_keeps_the_table()
    {
        var (id, _) = await OpenConsultationAsync();
        await using (var scope = App.ScopeFor(Slug))
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<EsRegionsDbContext>();
            var consultation = await db.Set<Consultation>().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
            var participant = await db.Set<ConsultationParticipant>().SingleAsync(TestContext.Current.CancellationToken);
            var element = await db.Set<ConsultationElement>().OrderBy(e => e.Position).FirstAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<ConsultationReplies>().SaveAsync(consultation, participant,
            [
                new ReplyBox(null, "Projekt nie mówi, kto koordynuje działania w powiatach.", "Dodać koordynatora powiatowego.", "Działania się dublują."),
                new ReplyBox(element.Id, "Cel jest zbyt ogólny.", null, null),
            ], TestContext.Current.CancellationToken);
            var now = DateTimeOffset.UtcNow;
            foreach (var comment in await db.Set<ConsultationComment>().ToListAsync(TestContext.Current.CancellationToken))
                comment.Respond(CommentDecision.PartlyAccepted, "Koordynację opisze regulamin.", now);
            await services.GetRequiredService<ConsultationOpening>().CloseAsync(consultation, TestContext.Current.CancellationToken);
            await services.GetRequiredService<ConsultationReportPublishing>().PublishAsync(consultation, TestContext.Current.CancellationToken);
        }
        await Page.SetViewportSizeAsync(390, 844);

        await OpenAsync($"/{Slug}/konsultacje/{id}/raport-publiczny");
        Assert.DoesNotContain("r..", await Page.Locator("main").InnerTextAsync());
        var boxes = await ScrollBoxesAsync();
        Assert.True(boxes.PageWidth <= 390, $"the page scrolls sideways: {boxes.PageWidth} px wide");
        Assert.Equal(0, boxes.Scrolling);
        var rows = Page.Locator("table.table-stacked > tbody > tr");
        Assert.Equal(2, await rows.CountAsync());
        var proposal = rows.Filter(new() { HasText = "koordynuje" }).Locator("td").Nth(3);
        Assert.Equal("Proponowana zmiana", await ColumnLabelAsync(proposal));
        Assert.EndsWith("Proponowany zapis: Dodać koordynatora powiatowego.", await proposal.InnerTextAsync());
        var noJustification = rows.Filter(new() { HasText = "zbyt ogólny" }).Locator("td").Nth(4);
        Assert.Equal("Uzasadnienie", await noJustification.GetAttributeAsync("data-label"));
        Assert.False(await noJustification.IsVisibleAsync(), "an empty cell shows its column name alone");
        var headHeight = "e => e.getBoundingClientRect().height";
        Assert.True(await Page.Locator("table.table-stacked > thead").EvaluateAsync<double>(headHeight) <= 1, "the column headers show above the blocks");
        Assert.Equal("cell", await proposal.GetAttributeAsync("role"));
        await AssertAccessibleAsync("public report on a phone");
        await Page.EmulateMediaAsync(new() { Media = Media.Print }); // printed from the phone: the table
        Assert.Equal("table-row", await rows.First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Page.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c=en-GB|uic=en-GB", Url = BaseUrl }]);
        await Page.ReloadAsync();
        Assert.Equal("Proposed change", await ColumnLabelAsync(proposal));
        var english = await Page.Locator("main").InnerTextAsync();
        Assert.Contains("The document as a whole", english);
        Assert.Contains("Comment partly accepted", english);
        Assert.Contains("Proposed wording: Dodać koordynatora powiatowego.", english);
        Assert.Matches(@"to \d{1,2} [A-Z][a-z]+ \d{4}\. The report", english);

        await Page.SetViewportSizeAsync(1280, 900);
        Assert.Equal("table-row", await rows.First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.True(await Page.Locator("table.table-stacked > thead").EvaluateAsync<double>(headHeight) > 10, "a wide screen has no column headers");
        Assert.Equal("none", await ColumnLabelAsync(proposal));
    }

    [Fact]
    public async Task Staff_add_a_working_groups_members_with_the_keyboard_from_the_labelled_drop_down()
    {
        Guid id;
        await using (var scope = App.ScopeFor(Slug))
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<EsRegionsDbContext>();
            var group = await db.Set<Committee>().SingleAsync(c => c.Name == "Grupa MKRES ds. badań", TestContext.Current.CancellationToken);
            db.Add(new CommitteeMember(group.Id, "Ewa Zielińska", "ewa@owes.example", "OWES Kraków", SeatCategory.SupportCentre, MemberRole.Member,
                PolishCalendar.WarsawDate(DateTimeOffset.UtcNow).AddYears(-1)));
            var today = PolishCalendar.WarsawDate(DateTimeOffset.UtcNow);
            var consultation = services.GetRequiredService<ConsultationDrafts>()
                .CreateForMaterial("Projekt programu", [new MaterialSection("Cel", "Tekst")], today, today.AddDays(40), true);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = consultation.Id;
        }
        await SignInAsync(Policies.Roles.Staff, Slug);
        await OpenAsync($"/{Slug}/konsultacje/{id}");

        var select = Page.GetByLabel("Komitet lub grupa robocza");
        await select.FocusAsync();
        await Page.Keyboard.PressAsync("Home"); // "Grupa MKRES ds. badań" comes first by name
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Dodaj członków", await Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await Page.Keyboard.PressAsync("Enter");
        await WaitForPageAsync("**zrobione=uczestnicy");

        Assert.Contains("Dodano uczestników: 1", await Page.Locator("main").InnerTextAsync());
        Assert.Contains("ewa@owes.example", await Page.Locator("main table").InnerTextAsync());
        await AssertAccessibleAsync();
    }

    private async Task AssertAxeCleanAsync(string path)
    {
        await OpenAsync($"/{Slug}/{path}");
        await AssertAccessibleAsync(path);
    }

    /// <summary>An open consultation of the seed plan with one invited participant; the link is read from the outbox row.</summary>
    private async Task<(Guid Id, string Path)> OpenConsultationAsync(bool publicLink = false)
    {
        await using var scope = App.ScopeFor(Slug);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EsRegionsDbContext>();
        var today = PolishCalendar.WarsawDate(DateTimeOffset.UtcNow);
        var planId = (await db.Set<Plan>().SingleAsync()).Id;
        var consultation = (await services.GetRequiredService<ConsultationDrafts>()
            .CreateForPlanAsync("Projekt Rocznego Planu Działania 2027", planId, today, today.AddDays(40), true, default))!;
        if (publicLink) services.GetRequiredService<ConsultationPublicLink>().Enable(consultation);
        await services.GetRequiredService<ConsultationParticipants>().AddAsync(consultation,
            [new ParticipantCandidate("Anna Nowak", "anna@fundacja.example", "Fundacja Razem")], "list", default);
        await db.SaveChangesAsync();
        await services.GetRequiredService<ConsultationOpening>().OpenAsync(consultation, default);
        var text = (await db.Set<OutboxMessage>().SingleAsync()).TextBody;
        return (consultation.Id, "/" + Slug + "/" + ReplyPath().Match(text).Groups[1].Value);
    }

    [GeneratedRegex(@"/malopolska/(konsultacje/odpowiedz/[A-Za-z0-9_-]{43})")]
    private static partial Regex ReplyPath();
}
