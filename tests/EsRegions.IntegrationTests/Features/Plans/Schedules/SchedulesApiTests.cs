using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Plans.Schedules;

/// <summary>Mazowsze's drafting schedule 2019 Q3 – 2021 Q1 (seed 000), its tasks changed by staff, and their reminders.</summary>
public sealed class SchedulesApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private readonly TestClock _clock = new(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = _clock };

    private HttpClient Mazowsze => ClientAs(Policies.Roles.Staff, "mazowsze");

    [Fact]
    public async Task Mazowsze_schedule_is_loaded_with_its_quarters_phases_and_tasks_without_invented_quarters()
    {
        var schedule = await ScheduleAsync();

        Assert.Equal(["2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"], schedule.Quarters);
        Assert.Equal(["METODA I PROCES", "DIAGNOZA i METODY PRACY", "PLANOWANIE GŁÓWNYCH ZAŁOŻEŃ DOT. PLANU", "WDRAŻANIE I EWALUACJA",
            "KONSULTACJE", "PRZYJĘCIE DOKUMENTU"], schedule.Phases.Select(p => p.Title));
        var tasks = schedule.Phases.SelectMany(p => p.Tasks).ToList();
        Assert.Equal(14, tasks.Count);
        Assert.Equal("Opracowanie analizy SWOT", schedule.Phases[1].Tasks[4].Title);
        Assert.All(tasks, t => Assert.True(t.From is null && t.To is null && t.Status == "planned" && t.Note!.Contains("nie zachowały się")));
    }

    [Fact]
    public async Task Staff_set_a_tasks_quarters_reminders_are_scheduled_before_its_end_and_cancelled_when_done()
    {
        var ct = TestContext.Current.CancellationToken;
        var schedule = await ScheduleAsync();
        var swot = schedule.Phases[1].Tasks[4];

        var set = await Mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{swot.Id}",
            new { status = "inProgress", from = "2019-Q4", to = "2020-Q1", owner = "MCPS" }, ct);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var reminders = await RemindersAsync(swot.Id);
        Assert.Equal([ReminderState.Scheduled, ReminderState.Scheduled], reminders.Select(r => r.State));
        Assert.All(reminders, r => Assert.Equal(new DateOnly(2020, 3, 31), r.Deadline));
        Assert.Equal([new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 24)], reminders.Select(r => DateOnly.FromDateTime(r.DueAt.UtcDateTime)).Order());

        await Mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{swot.Id}",
            new { status = "done", from = "2019-Q4", to = "2020-Q1", owner = "MCPS" }, ct);
        Assert.All(await RemindersAsync(swot.Id), r => Assert.Equal(ReminderState.Cancelled, r.State));

        var reopened = await Mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{swot.Id}",
            new { status = "inProgress", from = "2019-Q4", to = "2020-Q1" }, ct);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.All(await RemindersAsync(swot.Id), r => Assert.Equal(ReminderState.Scheduled, r.State));
    }

    [Fact]
    public async Task A_due_task_reminder_is_sent_to_the_regions_staff()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.CreateUserAsync("koordynator@mcps.example", "Haslo-123-Mocne!", "mazowsze", Policies.Roles.Staff);
        await App.CreateUserAsync("sekretariat@mcps.example", "Haslo-123-Mocne!", "mazowsze", Policies.Roles.Secretary);
        var schedule = await ScheduleAsync();
        var task = schedule.Phases[0].Tasks[0];
        await Mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{task.Id}",
            new { status = "planned", from = "2019-Q4", to = "2020-Q1" }, ct);

        _clock.Set(new DateTimeOffset(2020, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var sent = await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("mazowsze"), ct);

        Assert.Equal(1, sent);
        await using var scope = App.ScopeFor("mazowsze");
        var mail = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<OutboxMessage>().ToListAsync(ct);
        var message = Assert.Single(mail);
        Assert.Equal("koordynator@mcps.example", message.ToAddress);
        Assert.Contains("Powołanie zespołu ds. opracowania Planu", message.Subject);
    }

    [Fact]
    public async Task An_invalid_change_is_400_naming_each_field_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var schedule = await ScheduleAsync();
        var task = schedule.Phases[0].Tasks[0];

        var response = await Mazowsze.PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{task.Id}",
            new { status = "started", from = "2021-Q2", to = "2020-Q1" }, ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.Contains("poza harmonogramem", errors.GetProperty("from")[0].GetString());
        Assert.Equal(task, (await ScheduleAsync()).Phases[0].Tasks[0]);
    }

    [Fact]
    public async Task Other_regions_cannot_read_or_change_mazowszes_schedule_and_a_secretary_cannot_change_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var schedule = await ScheduleAsync();
        var task = schedule.Phases[0].Tasks[0];
        var malopolska = ClientAs(Policies.Roles.Staff, "malopolska");

        Assert.Empty((await malopolska.GetFromJsonAsync<List<ScheduleSummaryDto>>("/malopolska/api/v1/schedules", ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await malopolska.GetAsync($"/malopolska/api/v1/schedules/{schedule.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await malopolska.PutAsJsonAsync($"/malopolska/api/v1/schedules/{schedule.Id}/tasks/{task.Id}",
            new { status = "done" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await malopolska.GetAsync($"/malopolska/harmonogramy/{schedule.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await malopolska.GetAsync($"/mazowsze/harmonogramy/{schedule.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.Secretary, "mazowsze")
            .PutAsJsonAsync($"/mazowsze/api/v1/schedules/{schedule.Id}/tasks/{task.Id}", new { status = "done" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Mazowsze.GetAsync($"/mazowsze/harmonogramy/{schedule.Id}", ct)).StatusCode);
        Assert.Equal("planned", (await ScheduleAsync()).Phases[0].Tasks[0].Status);
    }

    private async Task<ScheduleDto> ScheduleAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Assert.Single((await Mazowsze.GetFromJsonAsync<List<ScheduleSummaryDto>>("/mazowsze/api/v1/schedules", ct))!).Id;
        return (await Mazowsze.GetFromJsonAsync<ScheduleDto>($"/mazowsze/api/v1/schedules/{id}", ct))!;
    }

    private async Task<List<Reminder>> RemindersAsync(Guid taskId)
    {
        await using var scope = App.ScopeFor("mazowsze");
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>()
            .Where(r => r.SubjectId == taskId).OrderBy(r => r.DueAt).ToListAsync(TestContext.Current.CancellationToken);
    }
}
