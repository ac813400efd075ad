using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;
using Npgsql;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>Staff move a plan through its lifecycle on its state page (/plany/{id}/stan), as the API does.</summary>
public sealed class PlanStatePageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Slug = "mazowsze"; // its plan 2021-2030 is a draft in the seed
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_send_the_draft_to_consultation_adopt_it_by_resolution_and_archive_it()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var url = $"/{Slug}/plany/{id}/stan";

        var consultation = await PostAsync(staff, url, "Consultation");
        Assert.Equal(HttpStatusCode.Redirect, consultation.StatusCode);
        Assert.Contains("Plan przekazany do konsultacji.", await staff.GetStringAsync(consultation.Headers.Location!.OriginalString, Ct));
        Assert.Equal("inConsultation", await StatusAsync(staff, id));

        var adoption = await PostAsync(staff, url, "Adopt",
            ("Form.Number", "1234/2026"), ("Form.Body", "Zarządu Województwa Mazowieckiego"), ("Form.Date", "2026-11-30"));
        Assert.Equal(HttpStatusCode.Redirect, adoption.StatusCode);
        var adopted = await staff.GetStringAsync(adoption.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Plan przyjęty uchwałą; wersja 1 została zapisana bez możliwości zmian.", adopted);
        Assert.Contains("uchwała 1234/2026 Zarządu Województwa Mazowieckiego z dnia 30 listopada 2026 r.", adopted); // the versions table
        Assert.Equal("adopted", await StatusAsync(staff, id));
        var version = Assert.Single((await staff.GetFromJsonAsync<List<PlanVersionDto>>($"/{Slug}/api/v1/plans/{id}/versions", Ct))!);
        Assert.Equal((1, "uchwała 1234/2026 Zarządu Województwa Mazowieckiego z dnia 30 listopada 2026 r."), (version.Number, version.Resolution));

        Assert.Contains("data-confirm=\"Przenieść do archiwum: Plan Rozwoju Ekonomii Społecznej na Mazowszu na lata 2021-2030?", adopted);
        var archive = await PostAsync(staff, url, "Archive");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Contains("Plan przeniesiony do archiwum.", await staff.GetStringAsync(archive.Headers.Location!.OriginalString, Ct));
        Assert.Equal("archived", await StatusAsync(staff, id));
    }

    [Fact]
    public async Task An_archived_plans_page_offers_no_editing_and_its_action_form_says_why()
    {
        var staff = ClientAs(Policies.Roles.Staff, "malopolska"); // its annual plan 2024 is adopted, with actions
        var id = await PlanIdAsync(staff, "malopolska");
        var adopted = await staff.GetStringAsync($"/malopolska/plany/{id}", Ct);
        var edit = System.Text.RegularExpressions.Regex.Match(adopted, "href=\"(/malopolska/plany/[^\"]+/edycja)\"").Groups[1].Value;
        Assert.NotEmpty(edit);
        Assert.Contains("/nowe-dzialanie?", adopted);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"/malopolska/plany/{id}/stan", "Archive")).StatusCode);
        var archived = await staff.GetStringAsync($"/malopolska/plany/{id}", Ct);

        Assert.DoesNotContain("/edycja\"", archived);
        Assert.DoesNotContain("/nowe-dzialanie?", archived);
        Assert.Contains("Plan archiwalny nie może się zmieniać.", await staff.GetStringAsync(edit, Ct));
    }

    [Theory]
    [InlineData("pl-PL", "Podaj numer uchwały, np. „4/2024”.", "Data uchwały nie może być późniejsza niż dziś.")]
    [InlineData("en-GB", "Enter the resolution&#x27;s number, e.g. “4/2024”.", "The resolution&#x27;s date cannot be later than today.")]
    public async Task An_incomplete_resolution_is_refused_next_to_its_fields_in_the_pages_language_and_nothing_is_adopted(
        string culture, string numberMessage, string dateMessage)
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var url = $"/{Slug}/plany/{id}/stan?culture={culture}&ui-culture={culture}";

        var response = await PostAsync(staff, url, "Adopt", ("Form.Number", " "), ("Form.Body", "MKRES"), ("Form.Date", "2999-01-01"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"number-error\" data-valmsg-for=\"Form.Number\" data-valmsg-replace=\"true\">{numberMessage}", html);
        Assert.Contains($"id=\"date-error\" data-valmsg-for=\"Form.Date\" data-valmsg-replace=\"true\">{dateMessage}", html);
        Assert.Contains("value=\"MKRES\"", html); // what was typed stays
        Assert.Equal("draft", await StatusAsync(staff, id));
        Assert.Empty((await staff.GetFromJsonAsync<List<PlanVersionDto>>($"/{Slug}/api/v1/plans/{id}/versions", Ct))!);
    }

    [Fact]
    public async Task A_second_adoption_from_a_page_opened_before_the_first_is_refused_on_the_page_and_one_version_is_stored()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var url = $"/{Slug}/plany/{id}/stan";
        var first = await staff.GetStringAsync(url, Ct);
        var second = await staff.GetStringAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, "Adopt", first, ("Form.Number", "1/2026"), ("Form.Body", "MKRES"), ("Form.Date", "2026-11-02"))).StatusCode);
        var again = await PostAsync(staff, url, "Adopt", second, ("Form.Number", "2/2026"), ("Form.Body", "MKRES"), ("Form.Date", "2026-11-03"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Plan jest już przyjęty. Zmiana jego treści otworzy kolejną wersję, którą można przyjąć.", await again.Content.ReadAsStringAsync(Ct));
        var version = Assert.Single((await staff.GetFromJsonAsync<List<PlanVersionDto>>($"/{Slug}/api/v1/plans/{id}/versions", Ct))!);
        Assert.StartsWith("uchwała 1/2026", version.Resolution);
    }

    [Fact]
    public async Task An_adoption_sent_while_another_change_of_the_plan_is_being_saved_waits_for_it_and_is_then_refused()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var url = $"/{Slug}/plany/{id}/stan";
        var form = await staff.GetStringAsync(url, Ct);
        // Another request's transaction: the plan's row locked and adopted, not yet committed.
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name }.ConnectionString);
        await other.OpenAsync(Ct);
        await using var tx = await other.BeginTransactionAsync(Ct);
        await using (var adopt = new NpgsqlCommand($"UPDATE plans SET status = 'Adopted' WHERE id = '{id}'", other, tx))
            Assert.Equal(1, await adopt.ExecuteNonQueryAsync(Ct));

        var adoption = PostAsync(staff, url, "Adopt", form, ("Form.Number", "1/2026"), ("Form.Body", "MKRES"), ("Form.Date", "2026-11-02"));
        await Task.Delay(500, Ct);
        Assert.False(adoption.IsCompleted, "the adoption waits for the other transaction");
        await tx.CommitAsync(Ct);
        var response = await adoption;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty((await staff.GetFromJsonAsync<List<PlanVersionDto>>($"/{Slug}/api/v1/plans/{id}/versions", Ct))!);
    }

    [Fact]
    public async Task A_secretary_is_refused_and_another_regions_staff_do_not_find_the_plan_nor_change_it()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var form = await staff.GetStringAsync($"/{Slug}/plany/{id}/stan", Ct);
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var foreign = ClientAs(Policies.Roles.Staff, "malopolska");

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/{Slug}/plany/{id}/stan", Ct)).StatusCode);
        Assert.DoesNotContain($"/plany/{id}/stan", await secretary.GetStringAsync($"/{Slug}/plany/{id}", Ct));
        Assert.Contains($"/{Slug}/plany/{id}/stan", await staff.GetStringAsync($"/{Slug}/plany/{id}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/malopolska/plany/{id}/stan", Ct)).StatusCode);
        var foreignForm = await foreign.GetStringAsync($"/malopolska/plany/{await PlanIdAsync(foreign, "malopolska")}/stan", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(foreign, $"/malopolska/plany/{id}/stan", "Consultation", foreignForm)).StatusCode);
        Assert.Equal("draft", await StatusAsync(staff, id));
    }

    [Fact]
    public async Task Preparing_the_plans_consultation_opens_the_new_consultation_form_with_the_plan_chosen()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);

        var state = await staff.GetStringAsync($"/{Slug}/plany/{id}/stan", Ct);
        var form = await staff.GetStringAsync($"/{Slug}/konsultacje/nowe?plan={id}", Ct);

        Assert.Contains($"href=\"/{Slug}/konsultacje/nowe?plan={id}\"", state);
        Assert.DoesNotContain("<ul>", state[state.IndexOf("consultation-heading", StringComparison.Ordinal)..]);
        Assert.Matches($"<option (selected=\"selected\" value=\"{id}\"|value=\"{id}\" selected=\"selected\")>", form);
        Assert.DoesNotMatch("<option (selected=\"selected\" value=\"\"|value=\"\" selected=\"selected\")>", form);
    }

    [Fact]
    public async Task The_state_page_lists_the_plans_consultations_with_their_phase_also_after_adoption()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var id = await PlanIdAsync(staff);
        var created = await staff.PostAsJsonAsync($"/{Slug}/api/v1/consultations",
            new { title = "Konsultacje projektu planu 2021-2030", planId = id, opensOn = "2027-01-11", closesOn = "2027-02-19" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consultationId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();

        var draft = await staff.GetStringAsync($"/{Slug}/plany/{id}/stan", Ct);
        Assert.Contains($"<a href=\"/{Slug}/konsultacje/{consultationId}\">Konsultacje projektu planu 2021-2030</a> — w przygotowaniu, 11.01.2027–19.02.2027 (wersja 1)", draft);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"/{Slug}/plany/{id}/stan", "Adopt",
            ("Form.Number", "1/2026"), ("Form.Body", "MKRES"), ("Form.Date", "2026-11-02"))).StatusCode);
        var adopted = await staff.GetStringAsync($"/{Slug}/plany/{id}/stan", Ct);
        Assert.Contains($"/{Slug}/konsultacje/{consultationId}", adopted);
        Assert.DoesNotContain("Oznacz jako przekazany do konsultacji", adopted);
        Assert.Contains("Przyjęte wersje", adopted); // the rest of the page is there
    }

    [Fact]
    public async Task Opening_a_consultation_of_the_draft_marks_the_plan_in_consultation_and_of_an_adopted_plan_leaves_it_adopted()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow); // this app runs on the real clock
        async Task OpenConsultationAsync(HttpClient client, string slug, Guid planId)
        {
            var created = await client.PostAsJsonAsync($"/{slug}/api/v1/consultations",
                new { title = "Konsultacje projektu", planId, opensOn = today.ToString("yyyy-MM-dd"), closesOn = today.AddDays(40).ToString("yyyy-MM-dd") }, Ct);
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/{slug}/api/v1/consultations/{id}/open", null, Ct)).StatusCode);
        }
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var draft = await PlanIdAsync(staff);
        var malopolska = ClientAs(Policies.Roles.Staff, "malopolska");
        var adopted = await PlanIdAsync(malopolska, "malopolska");

        await OpenConsultationAsync(staff, Slug, draft);
        await OpenConsultationAsync(malopolska, "malopolska", adopted);

        Assert.Equal("inConsultation", await StatusAsync(staff, draft));
        Assert.Equal("adopted", (await malopolska.GetFromJsonAsync<PlanSummaryDto>($"/malopolska/api/v1/plans/{adopted}", Ct))!.Status);
        Assert.Contains("Plan jest już w konsultacjach.", await (await PostAsync(staff, $"/{Slug}/plany/{draft}/stan", "Consultation")).Content.ReadAsStringAsync(Ct));
    }

    private static async Task<Guid> PlanIdAsync(HttpClient client, string slug = Slug) =>
        (await client.GetFromJsonAsync<List<PlanSummaryDto>>($"/{slug}/api/v1/plans", Ct))!.OrderBy(p => p.Kind != "multiYear").First().Id;

    private static async Task<string> StatusAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<PlanSummaryDto>($"/{Slug}/api/v1/plans/{id}", Ct))!.Status;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, params (string Name, string Value)[] fields) =>
        await PostAsync(client, url, handler, await client.GetStringAsync(url, Ct), fields);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, string page, params (string Name, string Value)[] fields) =>
        client.PostAsync(url + (url.Contains('?') ? "&" : "?") + $"handler={handler}", SignInClient.Form(page, fields), Ct);
}
