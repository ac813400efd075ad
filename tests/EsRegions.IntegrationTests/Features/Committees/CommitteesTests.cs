using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>The regions' committees and groups from tenants/*/committees.json, their members and resolutions, through the API and pages.</summary>
public sealed partial class CommitteesTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private async Task<List<CommitteeSummaryDto>> CommitteesAsync(string slug) =>
        (await ClientAs(Policies.Roles.Staff, slug).GetFromJsonAsync<List<CommitteeSummaryDto>>($"/{slug}/api/v1/committees", TestContext.Current.CancellationToken))!;

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> form)
    {
        var html = await client.GetStringAsync(path);
        form["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html);
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Each_region_lists_the_bodies_its_seed_names()
    {
        var lubelskie = await CommitteesAsync("lubelskie");
        var malopolska = await CommitteesAsync("malopolska");

        Assert.Equal(4, lubelskie.Count);
        Assert.Equal("expertTeam", lubelskie.Single(c => c.Name.StartsWith("Zespół ekspertów")).Kind);
        Assert.Equal(3, lubelskie.Count(c => c.Kind == "workingGroup"));
        var mkres = malopolska.Single(c => c.ShortName == "MKRES");
        Assert.Equal(("committee", 0), (mkres.Kind, mkres.Members));
        Assert.Equal(mkres.Id, malopolska.Single(c => c.Name == "Grupa MKRES ds. badań").ParentId);
        Assert.Equal(5, (await CommitteesAsync("warmia-mazury")).Count);
        Assert.Equal(2, (await CommitteesAsync("mazowsze")).Count);
    }

    [Fact]
    public async Task Malopolskas_resolution_4_2024_and_plan_priorities_are_on_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var list = await CommitteesAsync("malopolska");
        var staff = ClientAs(Policies.Roles.Staff, "malopolska");

        var mkres = await staff.GetFromJsonAsync<CommitteeDto>($"/malopolska/api/v1/committees/{list.Single(c => c.ShortName == "MKRES").Id}", ct);
        var group = await staff.GetFromJsonAsync<CommitteeDto>($"/malopolska/api/v1/committees/{list.Single(c => c.Name == "Grupa MKRES ds. badań").Id}", ct);

        var resolution = Assert.Single(mkres!.Resolutions);
        Assert.Equal(("4/2024", new DateOnly(2024, 3, 7)), (resolution.Number, resolution.Date));
        Assert.Equal(["I.1", "II.1"], group!.PlanPriorities);
        var page = await staff.GetStringAsync($"/malopolska/komitety/{group.Id}", ct);
        Assert.Contains("Rozwinięty system świadczenia usług społecznych", page); // priority I.1's title from the plan
    }

    [Fact]
    public async Task Secretary_adds_a_member_for_a_three_year_term_with_a_reminder_before_it_ends()
    {
        var id = (await CommitteesAsync("malopolska")).Single(c => c.ShortName == "MKRES").Id;
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");

        var response = await PostFormAsync(secretary, $"/malopolska/komitety/{id}", "Member", new()
        {
            ["Member.FullName"] = "Maria Wiśniewska", ["Member.Email"] = "maria@owes.example", ["Member.Institution"] = "OWES Kraków",
            ["Member.Seat"] = "SupportCentre", ["Member.Role"] = "DeputyChair", ["Member.TermFrom"] = "2030-01-15",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var member = (await secretary.GetFromJsonAsync<CommitteeDto>($"/malopolska/api/v1/committees/{id}", TestContext.Current.CancellationToken))!.Members.Single();
        Assert.Equal(("supportCentre", "deputyChair", new DateOnly(2030, 1, 15), new DateOnly(2033, 1, 14)), (member.Seat, member.Role, member.TermFrom, member.TermTo));
        await using var scope = App.ScopeFor("malopolska");
        var reminder = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>().SingleAsync(r => r.Kind == "termEnding", TestContext.Current.CancellationToken);
        Assert.Equal(member.Id, reminder.SubjectId);
        Assert.Equal(new DateOnly(2033, 1, 14), reminder.Deadline);
        Assert.Equal(TermEndingAudience.RuleName, reminder.AudienceRule); // the secretariat and the member, as the seat is when it fires
    }

    [Fact]
    public async Task A_resolution_number_is_unique_per_committee_and_year()
    {
        var id = (await CommitteesAsync("malopolska")).Single(c => c.ShortName == "MKRES").Id;
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");

        var duplicate = await PostFormAsync(secretary, $"/malopolska/komitety/{id}", "Resolution", new()
        {
            ["NewResolution.Number"] = "4", ["NewResolution.Date"] = "2024-05-10", ["NewResolution.Title"] = "Druga uchwała nr 4",
        });
        var inEnglish = await PostFormAsync(secretary, $"/malopolska/komitety/{id}", "Resolution&culture=en-GB&ui-culture=en-GB", new()
        {
            ["NewResolution.Number"] = "4", ["NewResolution.Date"] = "2024-05-10", ["NewResolution.Title"] = "Druga uchwała nr 4",
        });
        var next = await PostFormAsync(secretary, $"/malopolska/komitety/{id}", "Resolution", new()
        {
            ["NewResolution.Number"] = "5", ["NewResolution.Date"] = "2024-05-10", ["NewResolution.Title"] = "W sprawie grupy ds. badań",
        });

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Uchwała nr 4/2024 jest już w rejestrze.", await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Resolution no. 4/2024 is already in the register.", await inEnglish.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var resolutions = (await secretary.GetFromJsonAsync<CommitteeDto>($"/malopolska/api/v1/committees/{id}", TestContext.Current.CancellationToken))!.Resolutions;
        Assert.Equal(["4/2024", "5/2024"], resolutions.Select(r => r.Number));
    }

    [Fact]
    public async Task Members_private_feed_lists_their_committees_meetings()
    {
        var ct = TestContext.Current.CancellationToken;
        var rkres = (await CommitteesAsync("warmia-mazury")).Single(c => c.ShortName == "RKRES").Id;
        var secretary = ClientAs(Policies.Roles.Secretary, "warmia-mazury");
        await PostFormAsync(secretary, $"/warmia-mazury/komitety/{rkres}", "Member", new()
        {
            ["Member.FullName"] = "Piotr Zieliński", ["Member.Email"] = "piotr@jst.example", ["Member.Institution"] = "Gmina Olsztynek",
            ["Member.Seat"] = "LocalGovernment", ["Member.Role"] = "Member", ["Member.TermFrom"] = "2022-01-01",
        });
        var memberId = (await secretary.GetFromJsonAsync<CommitteeDto>($"/warmia-mazury/api/v1/committees/{rkres}", ct))!.Members.Single().Id;

        var page = await PostFormAsync(secretary, $"/warmia-mazury/komitety/{rkres}", $"Feed&memberId={memberId}", []);
        var url = FeedUrl().Match(await page.Content.ReadAsStringAsync(ct)).Groups[1].Value;
        var feed = Calendar.Load(await Client.GetStringAsync(url, ct))!;

        Assert.Equal(5, feed.Events.Count); // RKRES's dated entries in 2022: 12 stycznia, 18 marca, 8-9 Czerwiec, 23 Wrzesień, 2 Grudnia
        Assert.Contains(feed.Events, e => e.Summary == "Uroczyste posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej RKRES");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url.Replace("/warmia-mazury/", "/mazowsze/"), ct)).StatusCode);
    }

    [Fact]
    public async Task Another_region_cannot_read_or_change_a_committee_through_the_api_or_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await CommitteesAsync("malopolska")).Single(c => c.ShortName == "MKRES").Id;
        var mazowsze = ClientAs(Policies.Roles.Secretary, "mazowsze");

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/committees/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/malopolska/api/v1/committees/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/komitety/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/komitety/edycja/{id}", ct)).StatusCode);
        var form = await mazowsze.GetStringAsync("/mazowsze/komitety/edycja", ct);
        var forged = await mazowsze.PostAsync($"/mazowsze/komitety/{id}?handler=Member", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Member.FullName"] = "X", ["Member.Institution"] = "Y", ["Member.TermFrom"] = "2026-01-01",
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        }), ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, (await CommitteesAsync("malopolska")).Single(c => c.Id == id).Members);
    }

    [GeneratedRegex(@"<code[^>]*>https?://[^/<]+(/[^<]+\.ics)</code>")] private static partial Regex FeedUrl();
}
