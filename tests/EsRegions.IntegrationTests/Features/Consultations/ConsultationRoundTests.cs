using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>The whole round through real e-mail: open, link, page, reply, edit, staff answer, publish, report e-mail.</summary>
public sealed class ConsultationRoundTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    [Fact]
    public async Task A_participant_replies_through_the_emailed_link_edits_and_gets_the_published_report()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        Assert.NotEqual(path, await ReplyPathFromEmailAsync("jan@gmina.example"));
        var anna = Browser();

        // GET shows the draft and changes nothing (mail scanners open links).
        var page = await anna.GetAsync(path, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Anna Nowak (Fundacja Razem)", html);
        Assert.Contains("Cel szczegółowy I.", html);
        Assert.Contains("Informacja o przetwarzaniu danych osobowych", html);
        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Krakowie", html);
        Assert.Equal((0, 0), await StateAsync());

        var elements = ElementIds(html);
        var action = elements.First(e => e.Value.Length > 0 && html.Contains($"id=\"el-{e.Key}\" class=\"h6\">Działanie"));
        var saved = await anna.PostAsync(path, Form(Token(html),
            (0, null, "Dokument jest za ogólny.", null, null),
            (action.Key, action.Value, "Brakuje wskaźnika rezultatu.", "Dodać wskaźnik: liczba miejsc pracy – 20.", "Produkt nie mierzy efektu.")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var comments = await CommentsAsync(id);
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.Equal(("Anna Nowak", "Fundacja Razem"), (c.Participant, c.Organisation)));
        Assert.Null(comments[0].NodeId);
        var onAction = comments[1];
        Assert.NotNull(onAction.NodeId);
        Assert.Equal(("Dodać wskaźnik: liczba miejsc pracy – 20.", "Produkt nie mierzy efektu."), (onAction.Proposal, onAction.Justification));

        // Edit: the page shows her comments; she changes one and withdraws none.
        html = await anna.GetStringAsync(saved.Headers.Location!.ToString().StartsWith('/') ? saved.Headers.Location.ToString() : path, Ct);
        Assert.Contains("Dokument jest za ogólny.", html);
        await anna.PostAsync(path, Form(Token(html),
            (0, null, "Dokument jest za ogólny: brak harmonogramu.", null, null),
            (action.Key, action.Value, "Brakuje wskaźnika rezultatu.", "Dodać wskaźnik: liczba miejsc pracy – 20.", "Produkt nie mierzy efektu.")), Ct);
        comments = await CommentsAsync(id);
        Assert.Equal(["Dokument jest za ogólny: brak harmonogramu.", "Brakuje wskaźnika rezultatu."], comments.Select(c => c.Text));

        // Staff answer each comment; after the close the report is published and both participants are told.
        foreach (var (comment, decision) in comments.Zip(new[] { "rejected", "partlyAccepted" }))
        {
            var answer = await Staff.PutAsJsonAsync($"/{Slug}/api/v1/consultations/{id}/comments/{comment.Id}/response",
                new { decision, justification = "Stanowisko: " + decision }, Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        Clock.Set(new DateTimeOffset(2026, 4, 11, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostAsync($"/{Slug}/api/v1/consultations/{id}/report/publish", null, Ct)).StatusCode);
        await DispatchUntilIdleAsync();

        foreach (var address in new[] { "anna@fundacja.example", "jan@gmina.example" })
        {
            var mail = (await EmailsToAsync(address)).Last();
            Assert.Equal("Raport z konsultacji: Projekt Rocznego Planu Działania 2027", mail.GetProperty("subject").GetString());
            Assert.Contains($"/malopolska/konsultacje/{id}/raport-publiczny", mail.GetProperty("text").GetString());
        }
        var report = await Browser().GetStringAsync($"/{Slug}/konsultacje/{id}/raport-publiczny", Ct);
        Assert.Contains("Uwaga częściowo uwzględniona", report);
        Assert.Contains("Dodać wskaźnik: liczba miejsc pracy – 20.", report);
        Assert.DoesNotContain("anna@fundacja.example", report);

        var json = await Staff.GetFromJsonAsync<ReportDto>($"/{Slug}/api/v1/consultations/{id}/report?format=json", Ct);
        Assert.Equal(["Uwaga nieuwzględniona", "Uwaga częściowo uwzględniona"], json!.Rows.Select(r => r.Position));
        Assert.Equal("Dokument jako całość", json.Rows[0].Element);
    }

    [Fact]
    public async Task After_the_close_the_link_opens_nothing_and_no_reply_is_taken()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("jan@gmina.example");
        var jan = Browser();
        var html = await jan.GetStringAsync(path, Ct);

        Clock.Set(new DateTimeOffset(2026, 4, 10, 22, 0, 0, TimeSpan.Zero)); // midnight in Warsaw at the end of the closing day
        var late = await jan.PostAsync(path, Form(Token(html), (0, null, "Spóźniona uwaga", null, null)), Ct);

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains("Ten link nie działa", await late.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await CommentsAsync(id));
    }

    [Fact]
    public async Task The_xlsx_report_opens_and_its_cells_hold_formula_like_comments_as_text()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        var html = await anna.GetStringAsync(path, Ct);
        await anna.PostAsync(path, Form(Token(html), (0, null, "=HYPERLINK(\"http://evil.example\",\"klik\")", "@SUM(1+1)", "-2+3")), Ct);

        var bytes = await Staff.GetByteArrayAsync($"/{Slug}/api/v1/consultations/{id}/report?format=xlsx", Ct);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        var row = sheet.Row(5);

        Assert.Equal("Lp.", sheet.Cell(4, 1).GetString());
        Assert.Equal("Anna Nowak (Fundacja Razem)", row.Cell(2).GetString());
        Assert.StartsWith("'=HYPERLINK", row.Cell(5).GetString());
        Assert.Equal("'-2+3", row.Cell(6).GetString());
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
    }

    private async Task<(int Comments, int UsedLinks)> StateAsync()
    {
        await using var scope = App.ScopeFor(Slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        return (await db.Set<ConsultationComment>().CountAsync(Ct), await db.Set<EmailLink>().CountAsync(l => l.UsedAt != null, Ct));
    }

    internal static FormUrlEncodedContent Form(string token, params (int Index, string? ElementId, string Comment, string? Proposal, string? Justification)[] boxes)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        foreach (var b in boxes)
        {
            fields.Add(new($"Boxes[{b.Index}].ElementId", b.ElementId ?? ""));
            fields.Add(new($"Boxes[{b.Index}].Comment", b.Comment));
            fields.Add(new($"Boxes[{b.Index}].Proposal", b.Proposal ?? ""));
            fields.Add(new($"Boxes[{b.Index}].Justification", b.Justification ?? ""));
        }
        return new FormUrlEncodedContent(fields);
    }
}
