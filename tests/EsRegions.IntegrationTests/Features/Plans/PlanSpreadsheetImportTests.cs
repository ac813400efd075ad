using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>XLSX import with the seven columns of seed 002 under heading rows: the inverse of the XLSX export.</summary>
public sealed class PlanSpreadsheetImportTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Staff => ClientAs(Policies.Roles.Staff, "malopolska");

    private static ByteArrayContent Xlsx(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    [Fact]
    public async Task Exported_malopolska_2024_imports_back_into_the_same_tree_counts_and_total_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        var original = await PlanAsync((await Staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single().Id);
        var xlsx = await Staff.GetByteArrayAsync($"/malopolska/api/v1/plans/{original.Id}/export?format=xlsx", ct);

        var import = await Staff.PostAsync("/malopolska/api/v1/plans/import?format=xlsx&kind=annual", Xlsx(xlsx), ct);

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var copy = await PlanAsync((await import.Content.ReadFromJsonAsync<PlanSummaryDto>(ct))!.Id);
        Assert.Equal((original.Title, "annual", "2024", "draft"), (copy.Title, copy.Kind, copy.Years, copy.Status));
        Assert.Equal(Tree(original.Nodes), Tree(copy.Nodes));
        var actions = copy.Nodes.SelectMany(Flatten).ToList();
        Assert.Equal(44, actions.Count);
        Assert.Equal(59, actions.Sum(a => a.Indicators.Count));
        Assert.Equal(15_630_500m, actions.SelectMany(a => a.Budget).Sum(b => b.Amount ?? 0));
        Assert.Equal(original.Nodes.SelectMany(Flatten).SelectMany(a => a.Indicators).Select(i => (i.Target.Kind, i.Target.Value, i.Target.Text)),
            actions.SelectMany(a => a.Indicators).Select(i => (i.Target.Kind, i.Target.Value, i.Target.Text)));
        Assert.Equal(original.Nodes.SelectMany(Flatten).Select(a => (a.Timeframe, string.Join("|", a.Implementers), a.Product)),
            actions.Select(a => (a.Timeframe, string.Join("|", a.Implementers), a.Product)));
    }

    [Fact]
    public async Task An_invalid_sheet_stores_nothing_and_answers_400_with_every_error_and_its_cell()
    {
        var ct = TestContext.Current.CancellationToken;
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Plan");
        sheet.Cell(1, 1).Value = "Roczny Plan Działania 2025";
        sheet.Cell(3, 1).Value = "Priorytet I.1. Bez celu nadrzędnego";
        sheet.Cell(4, 1).Value = "Cel szczegółowy I. Cel";
        sheet.Cell(5, 1).Value = "Priorytet I.1. Priorytet";
        sheet.Cell(6, 1).Value = "Kierunek interwencji 1. Kierunek";
        for (var c = 0; c < PlanSpreadsheet.Columns.Length; c++) sheet.Cell(7, c + 1).Value = PlanSpreadsheet.Columns[c];
        sheet.Cell(8, 1).Value = "Działanie bez numeru";
        sheet.Cell(8, 6).Value = "I kw.";
        sheet.Cell(8, 7).Value = "ROPS";
        sheet.Cell(9, 1).Value = "2. Działanie bez terminu i realizatora";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var response = await Staff.PostAsync("/malopolska/api/v1/plans/import?format=xlsx", Xlsx(stream.ToArray()), ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Plan!A3", "Plan!A8", "Plan!F9", "Plan!G9"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.StartsWith("Nagłówek „Priorytet” nie może stać bez nadrzędnego", errors.GetProperty("Plan!A3")[0].GetString());
        Assert.Single((await Staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!);

        var notXlsx = await Staff.PostAsync("/malopolska/api/v1/plans/import?format=xlsx", Xlsx([1, 2, 3]), ct);
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
    }

    private async Task<PlanDto> PlanAsync(Guid id) =>
        (await Staff.GetFromJsonAsync<PlanDto>($"/malopolska/api/v1/plans/{id}", TestContext.Current.CancellationToken))!;

    private static string Tree(IReadOnlyList<NodeDto> nodes) => string.Join(";", nodes.Select(n =>
        $"{n.Level}:{n.Code}:{n.Title}[{Tree(n.Children ?? [])}]{{{string.Join(",", (n.Actions ?? []).Select(a => $"{a.Code}:{a.Name}:{a.Description.Length}:{a.Budget.Count}:{a.Indicators.Count}"))}}}"));

    private static IEnumerable<ActionDto> Flatten(NodeDto node) => (node.Actions ?? []).Concat((node.Children ?? []).SelectMany(Flatten));
}
