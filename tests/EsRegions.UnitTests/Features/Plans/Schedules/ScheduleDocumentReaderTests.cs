using System.Text.Json.Nodes;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Plans.Schedules;

public sealed class ScheduleDocumentReaderTests
{
    [Fact]
    public void Every_error_of_an_invalid_schedule_is_reported_with_file_and_json_path()
    {
        var check = new JsonChecker("tenants/x/schedules/h.json");
        var doc = JsonNode.Parse("""
            { "title": "H", "quarters": { "from": "2019-Q3", "to": "2021-Q5" }, "plan": "../plan.json",
              "phases": [ { "code": "I", "title": "METODA",
                "tasks": [ { "title": "A", "quarters": null, "status": "planned" },
                           { "title": "B", "quarters": { "from": "2020-Q2", "to": "2020-Q1" }, "status": "started" },
                           { "title": "C", "quarters": { "from": "2018-Q1", "to": "2019-Q4" }, "status": "done", "colour": "red" } ] } ] }
            """);

        var schedule = ScheduleDocumentReader.Read(doc, check);

        Assert.Null(schedule);
        Assert.Contains("tenants/x/schedules/h.json: $.quarters.to: '2021-Q5' is not a quarter (yyyy-Qn, e.g. \"2019-Q3\")", check.Errors);
        Assert.Contains(check.Errors, e => e.StartsWith("tenants/x/schedules/h.json: $.plan: '../plan.json' is not a file name"));
        Assert.Contains("tenants/x/schedules/h.json: $.phases[0].tasks[0].note: is required when the task's quarters are unknown (say why)", check.Errors);
        Assert.Contains("tenants/x/schedules/h.json: $.phases[0].tasks[1].quarters.to: must not be before quarters.from", check.Errors);
        Assert.Contains("tenants/x/schedules/h.json: $.phases[0].tasks[1].status: 'started' is not one of planned, inProgress, done", check.Errors);
        Assert.Contains(check.Errors, e => e.StartsWith("tenants/x/schedules/h.json: $.phases[0].tasks[2].colour: unknown property"));
    }

    [Fact]
    public void A_task_outside_the_schedules_quarters_is_an_error()
    {
        var check = new JsonChecker("h.json");
        var doc = JsonNode.Parse("""
            { "title": "H", "quarters": { "from": "2019-Q3", "to": "2021-Q1" },
              "phases": [ { "code": "I", "title": "M", "tasks": [ { "title": "C", "quarters": { "from": "2019-Q1", "to": "2019-Q4" }, "status": "done" } ] } ] }
            """);

        Assert.Null(ScheduleDocumentReader.Read(doc, check));
        Assert.Equal(["h.json: $.phases[0].tasks[0].quarters: 2019-Q1–2019-Q4 lies outside the schedule's 2019-Q3–2021-Q1"], check.Errors);
    }

    [Fact]
    public void Mazowsze_schedule_from_seed_000_is_valid_and_guesses_no_quarters()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "tenants", "mazowsze", "schedules", "harmonogram-2021-2030.json");
        var check = new JsonChecker(file);

        var schedule = ScheduleDocumentReader.Read(JsonNode.Parse(File.ReadAllText(file)), check);

        Assert.True(schedule is not null, string.Join(Environment.NewLine, check.Errors));
        Assert.Equal((new Quarter(2019, 3), new Quarter(2021, 1)), (schedule.From, schedule.To));
        Assert.Equal(["I", "II", "III", "IV", "V", "VI"], schedule.Phases.Select(p => p.Code));
        Assert.Equal(14, schedule.Phases.Sum(p => p.Tasks.Count));
        Assert.All(schedule.Phases.SelectMany(p => p.Tasks), t => Assert.True(t.From is null && t.To is null && t.Note is not null));
    }
}
