using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>The Warmia-Mazury 2022 calendar (seed 003), loaded from tenants/ at start, read through the API.</summary>
public sealed class CalendarApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient WarmiaMazury => ClientAs(Policies.Roles.Staff, "warmia-mazury");

    private async Task<List<MeetingDto>> MeetingsAsync(string query, HttpClient? client = null, string slug = "warmia-mazury") =>
        (await (client ?? WarmiaMazury).GetFromJsonAsync<List<MeetingDto>>($"/{slug}/api/v1/meetings?{query}", TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task Seed_003_has_81_entries_in_2022_with_dates_as_written_and_as_intervals()
    {
        var all = await MeetingsAsync("from=2022-01-01&to=2022-12-31");

        Assert.Equal(81, all.Count);
        var mid = Assert.Single(all, m => m.Title == "Wszczęcie postępowania dot. organizacji spotkania RKRES");
        Assert.Equal(new DateDto("Połowa lutego", new(2022, 2, 11), new(2022, 2, 20), "midMonth"), mid.Date);
        var platform = Assert.Single(all, m => m.Date.Text == "17-18 listopada");
        Assert.Equal((new DateOnly(2022, 11, 17), new DateOnly(2022, 11, 18)), (platform.Date.From, platform.Date.To));
        var deadline = Assert.Single(all, m => m.Date.Text == "Do 4 kwietnia");
        Assert.Equal(("Opracowanie Wielkanocnego Katalogu PES", new DateOnly(2022, 4, 4), "deadline"), (deadline.Title, deadline.Date.To, deadline.Date.Precision));
        var sitting = Assert.Single(all, m => m.Date.Text == "18 marca");
        Assert.Equal(("Olsztyn", "sitting", false), (sitting.Location, sitting.Kind, sitting.Online));
        Assert.Equal(8, all.Count(m => m.Date.From.Month == 1));
    }

    [Fact]
    public async Task Month_filter_returns_entries_overlapping_the_span_including_month_only_ones()
    {
        var february = await MeetingsAsync("from=2022-02-01&to=2022-02-28");
        var oneDay = await MeetingsAsync("from=2022-02-15&to=2022-02-15");

        Assert.Equal(10, february.Count);
        Assert.Equal(10, oneDay.Count); // "Luty" entries cover the day, and so does "Połowa lutego"
        Assert.Empty(await MeetingsAsync("from=2023-01-01&to=2023-12-31"));
    }

    [Fact]
    public async Task Committee_and_kind_filters_narrow_the_calendar()
    {
        var rkres = (await WarmiaMazury.GetFromJsonAsync<List<EsRegions.Web.Features.Committees.CommitteeSummaryDto>>("/warmia-mazury/api/v1/committees",
            TestContext.Current.CancellationToken))!.Single(c => c.ShortName == "RKRES");

        var sittings = await MeetingsAsync($"from=2022-01-01&to=2022-12-31&committee={rkres.Id}&kind=sitting");

        Assert.Equal(["18 marca", "8-9 Czerwiec", "23 Wrzesień", "2 Grudnia"], sittings.Select(m => m.Date.Text));
        var bad = await WarmiaMazury.GetAsync("/warmia-mazury/api/v1/meetings?kind=party", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Creating_an_exact_meeting_returns_201_with_location_and_reads_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await ClientAs(Policies.Roles.Secretary, "malopolska").PostAsJsonAsync("/malopolska/api/v1/meetings", new
        {
            title = "Posiedzenie MKRES", kind = "sitting", startsAt = "2026-03-17T10:00:00", endsAt = "2026-03-17T12:30:00",
            location = "Kraków, ul. Piastowska 32", agenda = "1. Otwarcie\n2. Sprawozdanie z RPD 2025",
        }, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<CreatedDto>(ct))!.Id;
        Assert.Equal($"/malopolska/api/v1/meetings/{id}", response.Headers.Location!.ToString());
        var meeting = await ClientAs(Policies.Roles.Staff, "malopolska").GetFromJsonAsync<MeetingDto>($"/malopolska/api/v1/meetings/{id}", ct);
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero), meeting!.StartsAt); // 10:00 in Warsaw (CET)
        Assert.Equal(new DateDto("17 marca 2026", new(2026, 3, 17), new(2026, 3, 17), "day"), meeting.Date);
    }

    [Fact]
    public async Task Invalid_meeting_gets_400_naming_each_field()
    {
        var response = await ClientAs(Policies.Roles.Secretary, "malopolska").PostAsJsonAsync("/malopolska/api/v1/meetings", new
        {
            title = "", kind = "party", startsAt = "2026-03-17T12:00:00", endsAt = "2026-03-17T10:00:00", committeeId = Guid.NewGuid(),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var field in new[] { "title", "kind", "endsAt", "committeeId" }) Assert.Contains($"\"{field}\"", problem);
    }

    [Fact]
    public async Task Implementers_may_read_the_calendar_but_not_create_meetings()
    {
        var response = await ClientAs(Policies.Roles.Implementer, "malopolska").PostAsJsonAsync("/malopolska/api/v1/meetings", new
        {
            title = "X", kind = "meeting", startsAt = "2026-03-17T10:00:00", endsAt = "2026-03-17T11:00:00",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await MeetingsAsync("from=2026-01-01&to=2026-12-31", ClientAs(Policies.Roles.Implementer, "malopolska"), "malopolska"));
    }

    [Fact]
    public async Task Another_region_cannot_read_warmia_mazurys_meeting_by_id_nor_use_its_route()
    {
        var ct = TestContext.Current.CancellationToken;
        var meeting = (await MeetingsAsync("from=2022-03-18&to=2022-03-18")).First();
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/meetings/{meeting.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/meetings/{meeting.Id}/responses", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/warmia-mazury/api/v1/meetings/{meeting.Id}", ct)).StatusCode);
        Assert.Empty(await MeetingsAsync("from=2022-01-01&to=2022-12-31", mazowsze, "mazowsze"));
        var invite = await ClientAs(Policies.Roles.Secretary, "mazowsze").PostAsJsonAsync($"/mazowsze/api/v1/meetings/{meeting.Id}/invitations",
            new { recipients = new[] { new { name = "X", email = "x@example.org" } } }, ct);
        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
    }
}
