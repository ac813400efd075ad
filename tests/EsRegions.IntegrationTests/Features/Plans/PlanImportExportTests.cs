using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

public sealed class PlanImportExportTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Staff(string slug) => ClientAs(Policies.Roles.Staff, slug);

    [Fact]
    public async Task Exported_json_imports_back_into_the_same_plan_shape()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = Staff("malopolska");
        var id = await MalopolskaPlanIdAsync();
        var json = await client.GetStringAsync($"/malopolska/api/v1/plans/{id}/export?format=json", ct);

        var import = await client.PostAsync("/malopolska/api/v1/plans/import", new StringContent(json, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var copy = await client.GetFromJsonAsync<PlanDto>(import.Headers.Location!.ToString(), ct);
        var original = await client.GetFromJsonAsync<PlanDto>($"/malopolska/api/v1/plans/{id}", ct);
        Assert.Equal(Shape(original!), Shape(copy!));
        Assert.Equal(json, await client.GetStringAsync($"/malopolska/api/v1/plans/{copy!.Id}/export?format=json", ct));
    }

    [Fact]
    public async Task Invalid_import_stores_nothing_and_lists_every_error_with_its_path()
    {
        var ct = TestContext.Current.CancellationToken;
        var malopolskaPlan = await Staff("malopolska").GetStringAsync($"/malopolska/api/v1/plans/{await MalopolskaPlanIdAsync()}/export?format=json", ct);
        var broken = malopolskaPlan.Replace("\"kind\": \"annual\"", "\"kind\": \"yearly\"");

        // Małopolska's levels (cel szczegółowy › priorytet › kierunek) are not Lubelskie's (priorytet › kierunek).
        var response = await Staff("lubelskie").PostAsync("/lubelskie/api/v1/plans/import", new StringContent(broken, Encoding.UTF8, "application/json"), ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal("'yearly' is not one of annual, multiYear", errors.GetProperty("$.kind")[0].GetString());
        Assert.Equal("must be 'priority' at this depth", errors.GetProperty("$.nodes[0].level")[0].GetString());
        Assert.True(errors.EnumerateObject().Count() > 4);
        Assert.Single((await Staff("lubelskie").GetFromJsonAsync<List<PlanSummaryDto>>("/lubelskie/api/v1/plans", ct))!); // only the one from tenants/
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_a_secretary_may_not_import()
    {
        var ct = TestContext.Current.CancellationToken;
        var malformed = await Staff("mazowsze").PostAsync("/mazowsze/api/v1/plans/import", new StringContent("{ \"title\": ", Encoding.UTF8, "application/json"), ct);
        var secretary = await ClientAs(Policies.Roles.Secretary, "mazowsze")
            .PostAsync("/mazowsze/api/v1/plans/import", new StringContent("{}", Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secretary.StatusCode);
    }

    [Fact]
    public async Task Xlsx_export_opens_with_the_documents_seven_columns_and_every_action()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = await Staff("malopolska").GetByteArrayAsync($"/malopolska/api/v1/plans/{await MalopolskaPlanIdAsync()}/export?format=xlsx", ct);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet("Plan");
        var headerRows = sheet.RowsUsed().Where(r => r.Cell(1).GetString() == "Nazwa działania").ToList();

        Assert.Equal("Roczny Plan Działania dla ekonomii społecznej na 2024 r.", sheet.Cell(1, 1).GetString());
        Assert.Equal(PlanSpreadsheet.Columns, headerRows[0].Cells(1, 7).Select(c => c.GetString()));
        Assert.Equal(18, headerRows.Count);
        Assert.Contains(sheet.RowsUsed(), r => r.Cell(1).GetString().StartsWith("1. Diagnoza potrzeb w zakresie usług społecznych"));
    }

    private async Task<Guid> MalopolskaPlanIdAsync() =>
        (await Staff("malopolska").GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", TestContext.Current.CancellationToken))!.Single().Id;

    private static string Shape(PlanDto plan) => string.Join("|", plan.Nodes.Select(NodeShape));

    private static string NodeShape(NodeDto n) =>
        $"{n.Code}:{n.Title.Length}[{string.Join(",", (n.Children ?? []).Select(NodeShape))}]({string.Join(",", (n.Actions ?? []).Select(a => $"{a.Code}/{a.Indicators.Count}/{a.Budget.Sum(b => b.Amount ?? 0)}"))})";
}
