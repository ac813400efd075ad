using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Infrastructure.Security;
using Ical.Net;

namespace EsRegions.IntegrationTests.Features.Meetings;

public sealed class CalendarFeedTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Public_feed_is_anonymous_valid_icalendar_of_the_regions_dated_public_entries()
    {
        var ct = TestContext.Current.CancellationToken;
        var entries = await ClientAs(Policies.Roles.Staff, "warmia-mazury").GetFromJsonAsync<List<MeetingDto>>("/warmia-mazury/api/v1/meetings?from=2022-01-01&to=2022-12-31", ct);
        var dated = entries!.Where(m => m.Date.Precision is "day" or "dayRange" or "deadline").ToList();

        var response = await Client.GetAsync("/warmia-mazury/calendar.ics", ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(text)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(dated.Count, calendar.Events.Count);
        Assert.Equal(25, calendar.Events.Count);
        var gala = Assert.Single(calendar.Events, e => e.Summary == "III Gala Ekonomii Społecznej na Warmii i Mazurach");
        Assert.Equal(new DateTime(2022, 10, 6), gala.DtStart!.Value);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
    }

    [Fact]
    public async Task Public_feed_leaves_out_meetings_for_members_only_and_other_regions()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");
        await secretary.CreateMeetingAsync("malopolska", isPublic: true);
        var hidden = await secretary.PostAsJsonAsync("/malopolska/api/v1/meetings", new
        {
            title = "Zamknięte spotkanie grupy ds. badań", kind = "meeting", startsAt = "2026-04-02T10:00:00", endsAt = "2026-04-02T11:00:00",
        }, ct);
        hidden.EnsureSuccessStatusCode();

        var malopolska = Calendar.Load(await Client.GetStringAsync("/malopolska/calendar.ics", ct))!;
        var mazowsze = Calendar.Load(await Client.GetStringAsync("/mazowsze/calendar.ics", ct))!;

        Assert.Equal(["Posiedzenie MKRES"], malopolska.Events.Select(e => e.Summary));
        Assert.Empty(mazowsze.Events);
    }

    [Fact]
    public async Task Unknown_private_feed_token_is_404()
    {
        var response = await Client.GetAsync("/malopolska/calendar/" + new string('A', 43) + ".ics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
