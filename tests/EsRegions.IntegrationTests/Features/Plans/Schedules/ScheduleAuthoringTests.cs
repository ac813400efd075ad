using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Plans.Schedules;

/// <summary>Staff start a drafting schedule in the app (/harmonogramy/nowy) and fill it with phases and tasks on its page.</summary>
public sealed class ScheduleAuthoringTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Slug = "lubelskie"; // no schedule in the seed; its multi-year plan is a draft
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = _clock };

    [Fact]
    public async Task Staff_start_a_schedule_for_the_draft_add_a_phase_and_a_task_and_the_tasks_end_reminder_is_scheduled()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var planId = await PlanIdAsync(staff);

        var form = await staff.GetStringAsync($"/{Slug}/harmonogramy/nowy?plan={planId}", Ct);
        Assert.Contains("value=\"Harmonogram opracowania: Wieloletni regionalny plan działań", form);
        Assert.Contains($"<option value=\"{planId}\" selected=\"selected\">", form);
        var created = await PostAsync(staff, $"/{Slug}/harmonogramy/nowy", null, form,
            ("Form.Title", "Harmonogram opracowania planu na lata 2027-2030"), ("Form.PlanId", planId.ToString()), ("Form.From", "2027-Q1"), ("Form.To", "2027-Q4"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var empty = await staff.GetStringAsync(url, Ct);
        Assert.Contains("Harmonogram nie ma jeszcze etapów ani zadań.", empty);

        var phase = await PostAsync(staff, url, "Phase", empty, ("NewPhase.Code", "I"), ("NewPhase.Title", "Diagnoza"));
        Assert.Equal(HttpStatusCode.Redirect, phase.StatusCode);
        var withPhase = await staff.GetStringAsync(phase.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Etap dodany.", withPhase);
        var schedule = await ScheduleAsync(staff);
        var task = await PostAsync(staff, url, "Task", withPhase, ("NewTask.PhaseId", schedule.Phases[0].Id.ToString()), ("NewTask.Title", "Analiza SWOT"),
            ("NewTask.From", "2027-Q1"), ("NewTask.To", "2027-Q2"), ("NewTask.Owner", "ROPS Lublin"));
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);

        schedule = await ScheduleAsync(staff);
        Assert.Equal((planId, "2027-Q1", "2027-Q4"), (schedule.PlanId, schedule.From, schedule.To));
        var added = Assert.Single(Assert.Single(schedule.Phases).Tasks);
        Assert.Equal(("Analiza SWOT", "2027-Q1", "2027-Q2", "ROPS Lublin", "planned"), (added.Title, added.From, added.To, added.Owner, added.Status));
        Assert.NotEmpty(await RemindersAsync(added.Id));
        Assert.All(await RemindersAsync(added.Id), r => Assert.Equal(ReminderState.Scheduled, r.State));
        Assert.Contains(url, await staff.GetStringAsync($"/{Slug}/plany/{planId}", Ct)); // the plan page lists its schedule
        Assert.Matches(@"<td>1\.</td>\s*<th scope=""row"" class=""fw-normal"">Analiza SWOT</th>", await staff.GetStringAsync(url, Ct)); // numbered in its phase
    }

    [Fact]
    public async Task An_incomplete_schedule_or_task_is_refused_next_to_its_fields_and_nothing_is_stored()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var form = await staff.GetStringAsync($"/{Slug}/harmonogramy/nowy", Ct);

        var refused = await PostAsync(staff, $"/{Slug}/harmonogramy/nowy", null, form, ("Form.Title", " "), ("Form.From", "2027-Q3"), ("Form.To", "2027-Q1"));
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"title-error\" data-valmsg-for=\"Form.Title\" data-valmsg-replace=\"true\">Podaj tytuł harmonogramu.", html);
        Assert.Contains("id=\"to-error\" data-valmsg-for=\"Form.To\" data-valmsg-replace=\"true\">Kwartał końcowy nie może być wcześniejszy niż początkowy.", html);
        Assert.Empty((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>($"/{Slug}/api/v1/schedules", Ct))!);

        var url = await CreateAsync(staff);
        var page = await staff.GetStringAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, "Phase", page, ("NewPhase.Code", "I"), ("NewPhase.Title", "Diagnoza"))).StatusCode);
        page = await staff.GetStringAsync(url, Ct);
        var task = await PostAsync(staff, url, "Task", page, ("NewTask.PhaseId", (await ScheduleAsync(staff)).Phases[0].Id.ToString()),
            ("NewTask.Title", ""), ("NewTask.From", "2027-Q2"));
        html = await task.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, task.StatusCode);
        Assert.Contains("id=\"task-title-error\" data-valmsg-for=\"NewTask.Title\" data-valmsg-replace=\"true\">Podaj nazwę zadania.", html);
        Assert.Contains("id=\"task-to-error\" data-valmsg-for=\"NewTask.To\" data-valmsg-replace=\"true\">Podaj oba kwartały (od i do) albo żaden.", html);
        Assert.Empty((await ScheduleAsync(staff)).Phases[0].Tasks);
    }

    [Fact]
    public async Task A_task_deleted_after_a_question_is_gone_and_its_reminder_cancelled()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var url = await CreateAsync(staff);
        var page = await staff.GetStringAsync(url, Ct);
        await PostAsync(staff, url, "Phase", page, ("NewPhase.Code", "I"), ("NewPhase.Title", "Diagnoza"));
        page = await staff.GetStringAsync(url, Ct);
        await PostAsync(staff, url, "Task", page, ("NewTask.PhaseId", (await ScheduleAsync(staff)).Phases[0].Id.ToString()), ("NewTask.Title", "Pomyłka"),
            ("NewTask.From", "2027-Q1"), ("NewTask.To", "2027-Q1"));
        var task = Assert.Single((await ScheduleAsync(staff)).Phases[0].Tasks);
        var edit = await staff.GetStringAsync($"{url}/zadania/{task.Id}", Ct);
        Assert.Contains("data-confirm=\"Usunąć zadanie: Pomyłka? Jego przypomnienie nie zostanie wysłane.\"", edit);

        var deleted = await PostAsync(staff, $"{url}/zadania/{task.Id}", "Delete", edit);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Zadanie usunięte.", await staff.GetStringAsync(deleted.Headers.Location!.OriginalString, Ct));
        Assert.Empty((await ScheduleAsync(staff)).Phases[0].Tasks);
        Assert.All(await RemindersAsync(task.Id), r => Assert.Equal(ReminderState.Cancelled, r.State));
    }

    [Fact]
    public async Task A_task_renamed_on_its_page_keeps_its_place_and_its_reminder_names_it_anew_and_an_empty_name_is_refused()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var url = await CreateAsync(staff);
        await PostAsync(staff, url, "Phase", await staff.GetStringAsync(url, Ct), ("NewPhase.Code", "I"), ("NewPhase.Title", "Diagnoza"));
        await PostAsync(staff, url, "Task", await staff.GetStringAsync(url, Ct), ("NewTask.PhaseId", (await ScheduleAsync(staff)).Phases[0].Id.ToString()),
            ("NewTask.Title", "Anliza SWOT"), ("NewTask.From", "2027-Q1"), ("NewTask.To", "2027-Q2"));
        var task = Assert.Single((await ScheduleAsync(staff)).Phases[0].Tasks);
        var edit = $"{url}/zadania/{task.Id}";
        var form = await staff.GetStringAsync(edit, Ct);
        Assert.Contains("value=\"Anliza SWOT\"", form);
        (string, string)[] Fields(string title) =>
            [("Form.Title", title), ("Form.Status", "inProgress"), ("Form.From", "2027-Q1"), ("Form.To", "2027-Q2"), ("Form.Owner", "ROPS")];

        var refused = await PostAsync(staff, edit, null, form, Fields(" "));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"title-error\" data-valmsg-for=\"Form.Title\" data-valmsg-replace=\"true\">Podaj nazwę zadania.", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Anliza SWOT", Assert.Single((await ScheduleAsync(staff)).Phases[0].Tasks).Title);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, edit, null, form, Fields("Analiza SWOT"))).StatusCode);

        var renamed = Assert.Single((await ScheduleAsync(staff)).Phases[0].Tasks);
        Assert.Equal((task.Id, "Analiza SWOT", "inProgress", "ROPS"), (renamed.Id, renamed.Title, renamed.Status, renamed.Owner));
        var reminders = await RemindersAsync(task.Id);
        Assert.Contains(reminders, r => r.State == ReminderState.Scheduled);
        Assert.All(reminders.Where(r => r.State == ReminderState.Scheduled), r => Assert.Equal("Analiza SWOT", r.SubjectTitle));
    }

    [Fact]
    public async Task A_secretary_and_another_regions_staff_cannot_add_to_the_schedule_nor_start_one_for_its_plan()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var url = await CreateAsync(staff);
        var id = (await ScheduleAsync(staff)).Id;
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var secretaryPage = await secretary.GetStringAsync(url, Ct); // the secretariat reads the schedule
        var foreign = ClientAs(Policies.Roles.Staff, "malopolska");
        var foreignForm = await foreign.GetStringAsync("/malopolska/harmonogramy/nowy", Ct);

        Assert.DoesNotContain("NewPhase.Code", secretaryPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretary, url, "Phase", secretaryPage, ("NewPhase.Code", "I"), ("NewPhase.Title", "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/{Slug}/harmonogramy/nowy", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await PostAsync(foreign, $"/malopolska/harmonogramy/{id}", "Phase", foreignForm, ("NewPhase.Code", "I"), ("NewPhase.Title", "X"))).StatusCode);
        var foreignPlan = await PostAsync(foreign, "/malopolska/harmonogramy/nowy", null, foreignForm,
            ("Form.Title", "Cudzy"), ("Form.PlanId", (await PlanIdAsync(staff)).ToString()), ("Form.From", "2027-Q1"), ("Form.To", "2027-Q2"));
        Assert.Contains("Wybierz plan tego regionu albo żaden.", await foreignPlan.Content.ReadAsStringAsync(Ct));
        Assert.Empty((await foreign.GetFromJsonAsync<List<ScheduleSummaryDto>>("/malopolska/api/v1/schedules", Ct))!);
        Assert.Empty((await ScheduleAsync(staff)).Phases);
    }

    [Fact]
    public async Task Through_the_api_staff_make_a_schedule_phase_and_task_refusals_name_each_field_and_other_regions_get_404()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var refused = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules", new { title = "", from = "2027-Q3", to = "2027-Q1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["title", "to"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.Secretary, Slug)
            .PostAsJsonAsync($"/{Slug}/api/v1/schedules", new { title = "X", from = "2027-Q1", to = "2027-Q2" }, Ct)).StatusCode);
        Assert.Empty((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>($"/{Slug}/api/v1/schedules", Ct))!);

        var created = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules", new { title = "Harmonogram", planId = await PlanIdAsync(staff), from = "2027-Q1", to = "2027-Q4" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<ScheduleSummaryDto>(Ct))!.Id;
        Assert.Equal($"/{Slug}/api/v1/schedules/{id}", created.Headers.Location!.OriginalString);
        var phase = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/phases", new { code = "I", title = "Diagnoza" }, Ct);
        Assert.Equal(HttpStatusCode.Created, phase.StatusCode);
        var phaseId = (await phase.Content.ReadFromJsonAsync<SchedulePhaseDto>(Ct))!.Id;
        var outside = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks", new { phaseId, title = "Analiza", from = "2026-Q4", to = "2027-Q1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await outside.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors").TryGetProperty("from", out _));
        var task = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks", new { phaseId, title = "Analiza", from = "2027-Q1", to = "2027-Q2", owner = "ROPS" }, Ct);
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var taskId = (await task.Content.ReadFromJsonAsync<ScheduleTaskDto>(Ct))!.Id;

        var foreign = ClientAs(Policies.Roles.Staff, "malopolska");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/malopolska/api/v1/schedules/{id}/phases", new { code = "II", title = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/malopolska/api/v1/schedules/{id}/tasks", new { phaseId, title = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"/malopolska/api/v1/schedules/{id}/tasks/{taskId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await foreign.PostAsJsonAsync("/malopolska/api/v1/schedules",
            new { title = "Cudzy", planId = await PlanIdAsync(staff), from = "2027-Q1", to = "2027-Q2" }, Ct)).StatusCode);
        Assert.Equal([("Analiza", "ROPS")], (await ScheduleAsync(staff)).Phases.Single().Tasks.Select(t => (t.Title, t.Owner)));

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/{Slug}/api/v1/schedules/{id}/tasks/{taskId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"/{Slug}/api/v1/schedules/{id}/tasks/{taskId}", Ct)).StatusCode);
        Assert.Empty((await ScheduleAsync(staff)).Phases.Single().Tasks);
        Assert.All(await RemindersAsync(taskId), r => Assert.Equal(ReminderState.Cancelled, r.State));
    }

    private async Task<string> CreateAsync(HttpClient staff)
    {
        var form = await staff.GetStringAsync($"/{Slug}/harmonogramy/nowy", Ct);
        var created = await PostAsync(staff, $"/{Slug}/harmonogramy/nowy", null, form, ("Form.Title", "Harmonogram"), ("Form.From", "2027-Q1"), ("Form.To", "2027-Q4"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    private static async Task<Guid> PlanIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<PlanSummaryDto>>($"/{Slug}/api/v1/plans", Ct))!.Single().Id;

    private static async Task<ScheduleDto> ScheduleAsync(HttpClient staff)
    {
        var id = Assert.Single((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>($"/{Slug}/api/v1/schedules", Ct))!).Id;
        return (await staff.GetFromJsonAsync<ScheduleDto>($"/{Slug}/api/v1/schedules/{id}", Ct))!;
    }

    private async Task<List<Reminder>> RemindersAsync(Guid taskId)
    {
        await using var scope = App.ScopeFor(Slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>().Where(r => r.SubjectId == taskId).ToListAsync(Ct);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? handler, string page, params (string Name, string Value)[] fields) =>
        client.PostAsync(handler is null ? url : $"{url}?handler={handler}", SignInClient.Form(page, fields), Ct);
}
