using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>Staff import a plan file on /{slug}/plany/import: XLSX of the export or JSON; an invalid file stores nothing.</summary>
public sealed class ImportPlanPageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_import_the_spreadsheet_of_an_exported_plan_and_land_on_the_new_draft()
    {
        var staff = ClientAs(Policies.Roles.Staff, "malopolska"); // one client: the antiforgery cookie comes back with the post
        var existing = Assert.Single((await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", Ct))!);
        var xlsx = await staff.GetByteArrayAsync($"/malopolska/api/v1/plans/{existing.Id}/export?format=xlsx", Ct);

        var response = await PostFileAsync(staff, "/malopolska/plany/import", "plan-2025.xlsx", xlsx, "annual");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plans = (await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", Ct))!;
        var imported = Assert.Single(plans, p => p.Id != existing.Id);
        Assert.Equal($"/malopolska/plany/{imported.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("annual", "draft", existing.Title), (imported.Kind, imported.Status, imported.Title));
        var tree = await staff.GetFromJsonAsync<PlanDto>($"/malopolska/api/v1/plans/{imported.Id}", Ct);
        Assert.Equal(44, tree!.Nodes.SelectMany(Actions).Count());
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_every_error_named_by_its_place_and_nothing_is_stored()
    {
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");
        var before = (await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/lubelskie/api/v1/plans", Ct))!.Count;
        var json = """{ "title": "", "kind": "annual", "years": { "from": 2027, "to": 2026 }, "status": "draft", "nodes": [] }""";

        var response = await PostFileAsync(staff, "/lubelskie/plany/import", "plan-2027.json", Encoding.UTF8.GetBytes(json), "annual");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Plik „plan-2027.json” zawiera błędy (2); niczego nie zapisano", html);
        Assert.Contains("""<span class="font-monospace text-break">$.title</span>""", html);
        Assert.Contains("""<span class="font-monospace text-break">$.years.to</span>: nie może być wcześniejszy niż years.from""", html);
        Assert.Equal(before, (await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/lubelskie/api/v1/plans", Ct))!.Count);
        var notJson = await PostFileAsync(staff, "/lubelskie/plany/import", "plan.json", Encoding.UTF8.GetBytes("{\n  \"title\": x\n}"), "annual");
        Assert.Contains("to nie jest poprawny dokument JSON: błąd w wierszu 2, na pozycji 12", WebUtility.HtmlDecode(await notJson.Content.ReadAsStringAsync(Ct)));

        var other = await PostFileAsync(staff, "/lubelskie/plany/import", "plan.docx", [1, 2, 3], "annual");
        Assert.Contains("Plik „plan.docx” nie jest arkuszem XLSX ani dokumentem JSON.", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)));
        var broken = await PostFileAsync(staff, "/lubelskie/plany/import", "plan.xlsx", Encoding.UTF8.GetBytes("not a spreadsheet"), "annual");
        Assert.Contains("niczego nie zapisano", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(before, (await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/lubelskie/api/v1/plans", Ct))!.Count);
    }

    [Fact]
    public async Task The_errors_of_a_file_are_shown_in_the_interfaces_language_and_the_api_keeps_them_in_english()
    {
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");
        const string english = "?culture=en-GB&ui-culture=en-GB";
        var json = Encoding.UTF8.GetBytes("""{ "title": "Plan", "kind": "yearly", "years": { "from": 2027, "to": 2027 }, "status": "draft", "nodes": [], "owner": "ROPS" }""");

        var polish = WebUtility.HtmlDecode(await (await PostFileAsync(staff, "/lubelskie/plany/import", "plan.json", json, "annual")).Content.ReadAsStringAsync(Ct));
        var inEnglish = WebUtility.HtmlDecode(await (await PostFileAsync(staff, "/lubelskie/plany/import" + english, "plan.json", json, "annual")).Content.ReadAsStringAsync(Ct));
        var sheet = WebUtility.HtmlDecode(await (await PostFileAsync(staff, "/lubelskie/plany/import" + english, "plan.xlsx", Encoding.UTF8.GetBytes("no"), "annual")).Content.ReadAsStringAsync(Ct));
        var api = await staff.PostAsync("/lubelskie/api/v1/plans/import", new ByteArrayContent(json) { Headers = { ContentType = new("application/json") } }, Ct);

        Assert.Contains("""<span class="font-monospace text-break">$.kind</span>: „yearly” nie jest żadną z wartości: annual, multiYear""", polish);
        Assert.Contains("""<span class="font-monospace text-break">$.owner</span>: nieznana właściwość (dozwolone: title, kind""", polish);
        Assert.Contains("""<span class="font-monospace text-break">$.kind</span>: 'yearly' is not one of annual, multiYear""", inEnglish);
        Assert.Contains("""<span class="font-monospace text-break">file</span>: The file is not an XLSX spreadsheet.""", sheet);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        Assert.Equal("'yearly' is not one of annual, multiYear", problem.GetProperty("errors").GetProperty("$.kind")[0].GetString());
    }

    [Fact]
    public async Task Only_the_regions_staff_may_import_and_the_plan_goes_to_the_region_of_the_address()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.Implementer, "malopolska").GetAsync("/malopolska/plany/import", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.Staff, "mazowsze").GetAsync("/malopolska/plany/import", Ct)).StatusCode);
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");
        var form = await mazowsze.GetStringAsync("/mazowsze/plany/import", Ct);
        // A Mazowsze form posted to Małopolska's address is refused; Małopolska keeps its one plan.
        var response = await mazowsze.PostAsync("/malopolska/plany/import", FileForm("plan.json", Encoding.UTF8.GetBytes("{}"), "annual", form), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await ClientAs(Policies.Roles.Staff, "malopolska").GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", Ct))!);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string name, byte[] content, string kind)
    {
        var form = await client.GetStringAsync(url, Ct);
        return await client.PostAsync(url, FileForm(name, content, kind, form), Ct);
    }

    private static MultipartFormDataContent FileForm(string name, byte[] content, string kind, string formHtml)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent
        {
            { file, "PlanFile", name },
            { new StringContent(kind), "Kind" },
            { new StringContent(SignInClient.AntiforgeryToken(formHtml)), "__RequestVerificationToken" },
        };
    }

    private static IEnumerable<ActionDto> Actions(NodeDto node) => (node.Actions ?? []).Concat((node.Children ?? []).SelectMany(Actions));
}
