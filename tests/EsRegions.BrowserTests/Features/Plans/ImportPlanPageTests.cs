using System.Net.Http.Json;
using System.Text;
using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Plans;

public sealed class ImportPlanPageTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Fact]
    public async Task Staff_see_every_error_of_a_refused_file_then_import_the_spreadsheet_and_land_on_the_new_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = ApiClientAs(Policies.Roles.Staff, "malopolska");
        var existing = (await api.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single();
        var xlsx = await api.GetByteArrayAsync($"/malopolska/api/v1/plans/{existing.Id}/export?format=xlsx", ct);

        await SignInAsync(Policies.Roles.Staff, "malopolska");
        await OpenAsync("/malopolska/plany");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Importuj plan z pliku" }).ClickAsync();
        await WaitForPageAsync("**/plany/import");
        await Page.GetByLabel("Plik planu (XLSX albo JSON)").SetInputFilesAsync(new FilePayload
        {
            Name = "plan-2027.json", MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes("""{ "title": "", "kind": "annual", "status": "draft", "nodes": [] }"""),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importuj plan" }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        Assert.Contains("Plik „plan-2027.json” zawiera błędy (1); niczego nie zapisano", await alert.InnerTextAsync());
        Assert.Contains("$.title: nie może być puste", await alert.InnerTextAsync());
        await AssertAccessibleAsync();

        // On a phone a long JSON path wraps instead of widening the page.
        await Page.SetViewportSizeAsync(375, 800);
        await Page.GetByLabel("Plik planu (XLSX albo JSON)").SetInputFilesAsync(new FilePayload
        {
            Name = "plan-2028.json", MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes("""
                { "title": "Plan 2028", "kind": "annual", "status": "draft", "nodes": [
                  { "level": "specificGoal", "code": "I", "title": "Cel", "children": [
                    { "level": "priority", "code": "I.1", "title": "Priorytet", "children": [
                      { "level": "interventionDirection", "code": "1", "title": "Kierunek", "actions": [
                        { "code": "1", "name": "Szkolenia", "timeframe": { "text": "2028" }, "budget": [ { "amount": -5, "source": "FEdM", "text": "-5 zł" } ] } ] } ] } ] } ] }
                """),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importuj plan" }).ClickAsync();
        var second = Page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "plan-2028.json" }); // the answer's, not the first one's
        Assert.Contains("$.nodes[0].children[0].children[0].actions[0].budget[0].amount: nie może być ujemna", await second.InnerTextAsync());
        Assert.True((await ScrollBoxesAsync()).PageWidth <= 375, "the page is wider than the phone");
        await Page.SetViewportSizeAsync(1280, 800);

        var spreadsheet = new FilePayload
        {
            Name = "plan-2025.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx,
        };
        // Once sent, the form says the server is working and cannot be sent twice. Seen with the sending itself
        // cancelled by a listener that runs after the page's own (the import would otherwise be too quick to see).
        await Page.GetByLabel("Plik planu (XLSX albo JSON)").SetInputFilesAsync(spreadsheet);
        await Page.EvaluateAsync("() => window.addEventListener('submit', e => e.preventDefault())");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importuj plan" }).ClickAsync();
        Assert.Contains("Importowanie planu…", await Page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Page.WaitForFunctionAsync("() => document.querySelector('form[data-busy] button[type=submit]').disabled");

        await OpenAsync("/malopolska/plany/import"); // a fresh form, without the listener
        await Page.GetByLabel("Plik planu (XLSX albo JSON)").SetInputFilesAsync(spreadsheet);
        await Page.GetByLabel("Roczny plan działania").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importuj plan" }).ClickAsync();
        await WaitForPageAsync(url => !url.EndsWith("/plany/import"));

        var imported = (await api.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single(p => p.Id != existing.Id);
        Assert.EndsWith($"/malopolska/plany/{imported.Id}", Page.Url);
        Assert.Equal(44, await Page.Locator("table.plan-actions tbody tr").CountAsync());
        Assert.Contains("projekt", await Page.Locator("main").InnerTextAsync());
    }
}
