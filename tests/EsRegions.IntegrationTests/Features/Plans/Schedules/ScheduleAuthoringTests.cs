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

    [Fact]
    public async Task A_schedule_is_corrected_on_its_page_and_quarters_that_would_leave_a_task_outside_are_refused_naming_the_task()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I", "II");
        var taskId = await TaskViaApiAsync(staff, id, phases[1], "Analiza SWOT", "2027-Q2", "2027-Q3");
        var edit = $"/{Slug}/harmonogramy/{id}/edycja";
        var form = await staff.GetStringAsync(edit, Ct);
        Assert.Contains("value=\"Harmonogram\"", form);
        Assert.Contains("<option value=\"2027-Q1\" selected=\"selected\">I kw. 2027</option>", form);
        Assert.Contains($"href=\"/{Slug}/harmonogramy/{id}/edycja\"", await staff.GetStringAsync($"/{Slug}/harmonogramy/{id}", Ct));

        var refused = await PostAsync(staff, edit, null, form, ("Form.Title", "Harmonogram prac"), ("Form.From", "2027-Q3"), ("Form.To", "2027-Q4"));
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-valmsg-for=\"Form.From\" data-valmsg-replace=\"true\">Niektóre zadania wykraczają poza te kwartały; zmień najpierw ich kwartały.", html);
        Assert.Contains($"<li><a href=\"/{Slug}/harmonogramy/{id}/zadania/{taskId}\">Analiza SWOT</a> (II kw. 2027 – III kw. 2027)</li>", html);
        Assert.Equal(("Harmonogram", "2027-Q1"), await TitleAndStartAsync(staff, id));

        var saved = await PostAsync(staff, edit, null, form, ("Form.Title", "Harmonogram prac"), ("Form.From", "2027-Q2"), ("Form.To", "2028-Q4"),
            ("Form.Heading", "Zespół ds. planu"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Harmonogram zapisany.", await staff.GetStringAsync(saved.Headers.Location!.OriginalString, Ct));
        var schedule = await ScheduleAsync(staff);
        Assert.Equal(("Harmonogram prac", "2027-Q2", "2028-Q4", "Zespół ds. planu", 7), (schedule.Title, schedule.From, schedule.To, schedule.Heading, schedule.Quarters.Count));
    }

    [Fact]
    public async Task A_phase_is_renamed_moved_up_and_deleted_with_its_tasks_whose_reminders_are_cancelled()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I", "II", "III");
        var taskId = await TaskViaApiAsync(staff, id, phases[1], "Konsultacje", "2027-Q3", "2027-Q3");
        var page = $"/{Slug}/harmonogramy/{id}/etapy/{phases[1]}";
        var form = await staff.GetStringAsync(page, Ct);
        Assert.Contains("Miejsce 2 z 3.", form);

        var empty = await PostAsync(staff, page, null, form, ("Form.Code", "II"), ("Form.Title", " "));
        Assert.Contains("data-valmsg-for=\"Form.Title\" data-valmsg-replace=\"true\">Podaj nazwę etapu.", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, page, null, form, ("Form.Code", "II"), ("Form.Title", "Konsultacje społeczne"))).StatusCode);
        var moved = await PostAsync(staff, $"/{Slug}/harmonogramy/{id}/etapy/{phases[2]}", "Move", form, ("direction", "gora"));
        Assert.Contains("Etap jest teraz na miejscu 2 z 3.", await staff.GetStringAsync(moved.Headers.Location!.OriginalString, Ct));
        Assert.Equal(["I Etap I", "III Etap III", "II Konsultacje społeczne"], (await ScheduleAsync(staff)).Phases.Select(p => $"{p.Code} {p.Title}"));
        var chosen = await PostAsync(staff, page, "Move", form, ("place", "1"));
        Assert.Contains("Etap jest teraz na miejscu 1 z 3.", await staff.GetStringAsync(chosen.Headers.Location!.OriginalString, Ct));
        Assert.Equal(["II", "I", "III"], (await ScheduleAsync(staff)).Phases.Select(p => p.Code));

        form = await staff.GetStringAsync(page, Ct);
        Assert.Contains("data-confirm=\"Usunąć etap „II Konsultacje społeczne” z jego zadaniami (liczba zadań: 1)? Tego nie można cofnąć.\"", form);
        var deleted = await PostAsync(staff, page, "Delete", form);

        Assert.Contains("Etap usunięty razem z jego zadaniami.", await staff.GetStringAsync(deleted.Headers.Location!.OriginalString, Ct));
        Assert.Equal(["I", "III"], (await ScheduleAsync(staff)).Phases.Select(p => p.Code));
        Assert.All(await RemindersAsync(taskId), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(page, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_task_moved_to_another_phase_goes_to_its_end_and_a_phase_of_another_schedule_is_refused()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I", "II");
        var first = await TaskViaApiAsync(staff, id, phases[0], "Diagnoza", "2027-Q1", "2027-Q1");
        await TaskViaApiAsync(staff, id, phases[1], "Projekt", "2027-Q2", "2027-Q2");
        var (other, otherPhases) = await ScheduleViaApiAsync(staff, "X");
        var edit = $"/{Slug}/harmonogramy/{id}/zadania/{first}";
        var form = await staff.GetStringAsync(edit, Ct);
        Assert.Contains($"<option value=\"{phases[0]}\" selected=\"selected\">I Etap I</option>", form);
        (string, string)[] Fields(Guid phase) =>
            [("Form.Title", "Diagnoza"), ("Form.PhaseId", phase.ToString()), ("Form.Status", "planned"), ("Form.From", "2027-Q1"), ("Form.To", "2027-Q1")];

        var foreign = await PostAsync(staff, edit, null, form, Fields(otherPhases[0]));
        Assert.Contains("data-valmsg-for=\"Form.PhaseId\" data-valmsg-replace=\"true\">Wybierz etap tego harmonogramu.", await foreign.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, edit, null, form, Fields(phases[1]))).StatusCode);

        var schedule = await ScheduleAsync(staff, id);
        Assert.Empty(schedule.Phases[0].Tasks);
        Assert.Equal(["Projekt", "Diagnoza"], schedule.Phases[1].Tasks.Select(t => t.Title));
        var back = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks/{first}",
            new { status = "planned", from = "2027-Q1", to = "2027-Q1", phaseId = phases[0] }, Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(["Diagnoza"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        Assert.Empty((await ScheduleAsync(staff, other)).Phases[0].Tasks);
    }

    [Fact]
    public async Task A_task_moves_one_place_or_to_a_chosen_place_on_its_page_and_to_any_place_of_its_phase_through_the_api()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I");
        var tasks = new List<Guid>();
        foreach (var title in new[] { "A", "B", "C" }) tasks.Add(await TaskViaApiAsync(staff, id, phases[0], title, "2027-Q1", "2027-Q1"));
        var page = $"/{Slug}/harmonogramy/{id}/zadania/{tasks[2]}";
        var form = await staff.GetStringAsync(page, Ct);
        Assert.Contains("Miejsce 3 z 3.", form);
        Assert.DoesNotContain("value=\"dol\"", form);

        var moved = await PostAsync(staff, page, "Move", form, ("direction", "gora"));

        Assert.Contains("Zadanie jest teraz na miejscu 2 z 3 w swoim etapie.", await staff.GetStringAsync(moved.Headers.Location!.OriginalString, Ct));
        Assert.Equal(["A", "C", "B"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        form = await staff.GetStringAsync(page, Ct);
        Assert.Contains("<label for=\"order-to\" class=\"form-label\">Przenieś na miejsce</label>", form);
        Assert.Contains("<option value=\"2\" selected=\"selected\">2</option>", form);
        var chosen = await PostAsync(staff, page, "Move", form, ("place", "1"));
        Assert.Contains("Zadanie jest teraz na miejscu 1 z 3 w swoim etapie.", await staff.GetStringAsync(chosen.Headers.Location!.OriginalString, Ct));
        Assert.Equal(["C", "A", "B"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        await PostAsync(staff, page, "Move", form, ("place", "4"));
        Assert.Equal(["C", "A", "B"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        await PostAsync(staff, page, "Move", form, ("place", "3"));
        Assert.Equal(["A", "B", "C"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        var last = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks/{tasks[0]}", new { status = "planned", from = "2027-Q1", to = "2027-Q1", position = 2 }, Ct);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(["B", "C", "A"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
        var beyond = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks/{tasks[0]}", new { status = "planned", from = "2027-Q1", to = "2027-Q1", position = 3 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.True((await beyond.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors").TryGetProperty("position", out _));
        Assert.Equal(["B", "C", "A"], (await ScheduleAsync(staff, id)).Phases[0].Tasks.Select(t => t.Title));
    }

    [Fact]
    public async Task A_schedule_deleted_after_a_question_takes_its_phases_and_tasks_and_cancels_their_reminders()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I");
        var taskId = await TaskViaApiAsync(staff, id, phases[0], "Diagnoza", "2027-Q1", "2027-Q2");
        var edit = $"/{Slug}/harmonogramy/{id}/edycja";
        var form = await staff.GetStringAsync(edit, Ct);
        Assert.Contains("data-confirm=\"Usunąć harmonogram „Harmonogram” z jego etapami i zadaniami (liczba zadań: 1)? Tego nie można cofnąć.\"", form);

        var deleted = await PostAsync(staff, edit, "Delete", form);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Harmonogram usunięty.", await staff.GetStringAsync(deleted.Headers.Location!.OriginalString, Ct));
        Assert.Empty((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>($"/{Slug}/api/v1/schedules", Ct))!);
        Assert.All(await RemindersAsync(taskId), r => Assert.Equal(ReminderState.Cancelled, r.State));
        await using var scope = App.ScopeFor(Slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        Assert.False(await db.Set<SchedulePhase>().AnyAsync(Ct));
        Assert.False(await db.Set<ScheduleTask>().AnyAsync(Ct));
    }

    [Fact]
    public async Task Through_the_api_staff_correct_and_delete_schedules_and_phases_and_a_secretary_or_another_region_cannot()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I", "II");
        await TaskViaApiAsync(staff, id, phases[0], "Diagnoza", "2027-Q2", "2027-Q2");
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var foreign = ClientAs(Policies.Roles.Staff, "malopolska");
        var body = new { title = "Cudzy", from = "2027-Q1", to = "2027-Q4" };

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/{Slug}/harmonogramy/{id}/edycja", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/{Slug}/harmonogramy/{id}/etapy/{phases[0]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync($"/malopolska/api/v1/schedules/{id}", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync($"/malopolska/api/v1/schedules/{id}/phases/{phases[0]}", new { code = "X", title = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"/malopolska/api/v1/schedules/{id}/phases/{phases[0]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"/malopolska/api/v1/schedules/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/malopolska/harmonogramy/{id}/edycja", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/malopolska/harmonogramy/{id}/etapy/{phases[0]}", Ct)).StatusCode);
        Assert.Equal(("Harmonogram", "2027-Q1"), await TitleAndStartAsync(staff, id));

        var outside = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}", new { title = "Harmonogram", from = "2027-Q3", to = "2027-Q4" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["from"], (await outside.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var changed = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}", new { title = "Harmonogram prac", from = "2027-Q2", to = "2027-Q4" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("Harmonogram prac", "2027-Q2"), await TitleAndStartAsync(staff, id));

        var badPlace = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/phases/{phases[1]}", new { code = "II", title = "Projekt", position = 2 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPlace.StatusCode);
        var first = await staff.PutAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/phases/{phases[1]}", new { code = "II", title = "Projekt", position = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Projekt", (await first.Content.ReadFromJsonAsync<SchedulePhaseDto>(Ct))!.Title);
        Assert.Equal(["II", "I"], (await ScheduleAsync(staff, id)).Phases.Select(p => p.Code));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/{Slug}/api/v1/schedules/{id}/phases/{phases[1]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/{Slug}/api/v1/schedules/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/{Slug}/api/v1/schedules/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_task_page_offers_the_quarters_and_statuses_in_the_interfaces_language()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (id, phases) = await ScheduleViaApiAsync(staff, "I");
        var taskId = await TaskViaApiAsync(staff, id, phases[0], "Diagnoza", "2027-Q3", "2027-Q3");

        var english = await staff.GetStringAsync($"/{Slug}/harmonogramy/{id}/zadania/{taskId}?culture=en-GB&ui-culture=en-GB", Ct);
        var polish = await staff.GetStringAsync($"/{Slug}/harmonogramy/{id}/zadania/{taskId}", Ct);

        Assert.Contains("<option value=\"2027-Q3\" selected=\"selected\">Q3 2027</option>", english);
        Assert.Contains("<option value=\"2027-Q3\" selected=\"selected\">III kw. 2027</option>", polish);
        Assert.Contains("<option value=\"planned\" selected=\"selected\">planned</option>", english);
        Assert.Contains("<option value=\"inProgress\">in progress</option>", english);
        Assert.Contains("<option value=\"done\">done</option>", english);
        Assert.Contains("<option value=\"planned\" selected=\"selected\">planowane</option>", polish);
        Assert.Contains("<option value=\"inProgress\">w toku</option>", polish);
        Assert.Contains("<option value=\"done\">wykonane</option>", polish);
    }

    [Fact]
    public async Task A_schedule_loaded_from_the_regions_files_is_corrected_but_not_deleted_because_the_loader_would_bring_it_back()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var loaded = Assert.Single((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>("/mazowsze/api/v1/schedules", Ct))!);
        var edit = $"/mazowsze/harmonogramy/{loaded.Id}/edycja";
        var form = await staff.GetStringAsync(edit, Ct);

        Assert.Contains("Harmonogram wczytano z danych regionu (tenants/); usunięty, wróciłby przy następnym uruchomieniu, więc się go nie usuwa.", form);
        Assert.DoesNotContain("Usuń harmonogram", form);
        var refused = await staff.DeleteAsync($"/mazowsze/api/v1/schedules/{loaded.Id}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(staff, edit, "Delete", form)).StatusCode);
        Assert.Single((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>("/mazowsze/api/v1/schedules", Ct))!);

        var renamed = await PostAsync(staff, edit, null, form, ("Form.Title", loaded.Title + " (korekta)"), ("Form.From", loaded.From), ("Form.To", loaded.To));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.EndsWith("(korekta)", Assert.Single((await staff.GetFromJsonAsync<List<ScheduleSummaryDto>>("/mazowsze/api/v1/schedules", Ct))!).Title);
    }

    /// <summary>A schedule "Harmonogram" 2027-Q1 – 2027-Q4 with phases of these codes ("Etap I", …), made through the API.</summary>
    private static async Task<(Guid Id, List<Guid> Phases)> ScheduleViaApiAsync(HttpClient staff, params string[] codes)
    {
        var created = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules", new { title = "Harmonogram", from = "2027-Q1", to = "2027-Q4" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<ScheduleSummaryDto>(Ct))!.Id;
        var phases = new List<Guid>();
        foreach (var code in codes)
        {
            var phase = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/phases", new { code, title = $"Etap {code}" }, Ct);
            phases.Add((await phase.Content.ReadFromJsonAsync<SchedulePhaseDto>(Ct))!.Id);
        }
        return (id, phases);
    }

    private static async Task<Guid> TaskViaApiAsync(HttpClient staff, Guid id, Guid phaseId, string title, string from, string to)
    {
        var task = await staff.PostAsJsonAsync($"/{Slug}/api/v1/schedules/{id}/tasks", new { phaseId, title, from, to }, Ct);
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        return (await task.Content.ReadFromJsonAsync<ScheduleTaskDto>(Ct))!.Id;
    }

    private static async Task<(string, string)> TitleAndStartAsync(HttpClient staff, Guid id)
    {
        var s = await ScheduleAsync(staff, id);
        return (s.Title, s.From);
    }

    private static async Task<ScheduleDto> ScheduleAsync(HttpClient staff, Guid id) =>
        (await staff.GetFromJsonAsync<ScheduleDto>($"/{Slug}/api/v1/schedules/{id}", Ct))!;

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
