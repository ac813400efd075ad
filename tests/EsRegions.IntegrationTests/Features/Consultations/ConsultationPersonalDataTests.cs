using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>RODO export and erasure of a participant: the comments stay in the report under the erased label.</summary>
public sealed class ConsultationPersonalDataTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    private static readonly PersonRef Anna = new(" ANNA@fundacja.example ");

    [Fact]
    public async Task The_export_holds_the_participant_her_comments_and_the_responses()
    {
        var (id, _) = await AnnaCommentedAndAnsweredAsync();

        await using var scope = App.ScopeFor(Slug);
        var rows = await Source(scope).ExportAsync(Anna, Ct);

        var row = Assert.IsType<ConsultationParticipantExport>(Assert.Single(rows));
        Assert.Equal((id, "Anna Nowak", "anna@fundacja.example", "Fundacja Razem"), (row.ConsultationId, row.Name, row.Email, row.Organisation));
        var comment = Assert.Single(row.Comments);
        Assert.Equal(("Dokument jest za ogólny.", "Dodać harmonogram.", "rejected", "Harmonogram jest w załączniku."),
            (comment.Text, comment.Proposal, comment.Response, comment.ResponseJustification));
        Assert.Empty(await Source(scope).ExportAsync(new PersonRef("nikt@example.org"), Ct));
    }

    [Fact]
    public async Task After_erasure_the_report_shows_the_comment_under_the_erased_label_and_no_name_or_address()
    {
        var (id, path) = await AnnaCommentedAndAnsweredAsync();

        await using (var scope = App.ScopeFor(Slug))
        {
            Assert.Equal(1, await Source(scope).EraseAsync(Anna, Ct));
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
        }

        var page = await Staff.GetStringAsync($"/{Slug}/konsultacje/{id}/raport", Ct);
        var json = await Staff.GetStringAsync($"/{Slug}/api/v1/consultations/{id}/report?format=json", Ct);
        var report = (await Staff.GetFromJsonAsync<ReportDto>($"/{Slug}/api/v1/consultations/{id}/report?format=json", Ct))!;
        using var workbook = new XLWorkbook(new MemoryStream(await Staff.GetByteArrayAsync($"/{Slug}/api/v1/consultations/{id}/report?format=xlsx", Ct)));
        var cells = string.Join("\n", workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()));

        var row = Assert.Single(report.Rows);
        Assert.Equal((PersonRef.ErasedLabel, "Dokument jest za ogólny.\nProponowany zapis: Dodać harmonogram."), (row.Submitter, row.ProposedChange));
        Assert.Contains(PersonRef.ErasedLabel, page);
        Assert.Contains("Dokument jest za ogólny.", page);
        Assert.Contains(PersonRef.ErasedLabel, cells);
        Assert.Contains("Dokument jest za ogólny.", cells);
        foreach (var text in new[] { page, json, cells })
            foreach (var personal in new[] { "Anna Nowak", "anna@fundacja.example", "Fundacja Razem" })
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser().GetAsync(path, Ct)).StatusCode);
        await using var after = App.ScopeFor(Slug);
        Assert.Empty(await Source(after).ExportAsync(Anna, Ct));
    }

    [Fact]
    public async Task Two_erased_participants_of_one_consultation_can_both_be_stored()
    {
        var id = await OpenWithTwoParticipantsAsync();

        await using var scope = App.ScopeFor(Slug);
        await Source(scope).EraseAsync(Anna, Ct);
        await Source(scope).EraseAsync(new PersonRef("jan@gmina.example"), Ct);
        await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);

        var people = (await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!;
        Assert.All(people, p => Assert.Equal((PersonRef.ErasedLabel, PersonRef.ErasedLabel, true), (p.Name, p.Email, p.Removed)));
        await AddParticipantsAsync(id, ("Anna Nowak", "anna@fundacja.example", null)); // she may take part again later
    }

    private static IPersonalDataSource Source(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Name == "consultationParticipants");

    /// <summary>Anna comments on the whole document through her link, staff answer, the consultation closes.</summary>
    private async Task<(Guid Id, string Path)> AnnaCommentedAndAnsweredAsync()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var path = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var anna = Browser();
        var html = await anna.GetStringAsync(path, Ct);
        await anna.PostAsync(path, ConsultationRoundTests.Form(Token(html), (0, null, "Dokument jest za ogólny.", "Dodać harmonogram.", null)), Ct);
        var comment = Assert.Single(await CommentsAsync(id));
        var answer = await Staff.PutAsJsonAsync($"/{Slug}/api/v1/consultations/{id}/comments/{comment.Id}/response",
            new { decision = "rejected", justification = "Harmonogram jest w załączniku." }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (id, path);
    }
}
