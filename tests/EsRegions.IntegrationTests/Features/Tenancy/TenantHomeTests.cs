using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Tenancy;

/// <summary>
/// The region's home page shows anyone where to take part: its own consultations open to every commenter and its
/// published reports — never another region's, never one open only to invited participants — and its calls and
/// public calendar. Its pages carry the site icon (browsers asked for /favicon.ico and logged a 404 on every first visit).
/// </summary>
public sealed class TenantHomeTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private sealed record Added(string PublicKey, Guid Report);

    [Fact]
    public async Task Home_page_lists_the_regions_own_public_consultations_reports_and_open_calls_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var malopolska = await AddConsultationsAsync("malopolska");
        var mazowsze = await AddConsultationsAsync("mazowsze");
        await AddCallsAsync("malopolska");

        var html = await Client.GetStringAsync("/malopolska/", ct);

        Assert.Contains($"<a href=\"/malopolska/konsultacje/otwarte/{malopolska.PublicKey}\">Projekt malopolska: uwagi może zgłosić każdy</a>", html);
        Assert.Contains($"<a href=\"/malopolska/konsultacje/{malopolska.Report}/raport-publiczny\">Projekt malopolska: raport opublikowany</a>", html);
        Assert.DoesNotContain("tylko zaproszeni", html);
        Assert.DoesNotContain("w przygotowaniu z linkiem", html);
        Assert.DoesNotContain("Projekt mazowsze", html);
        Assert.DoesNotContain(mazowsze.PublicKey, html);
        Assert.Contains("Trwające nabory: 1. <a href=\"/malopolska/nabory\">", html);
        Assert.Contains("<a href=\"/malopolska/calendar.ics\">", html);
    }

    [Theory]
    [InlineData("pl-PL", "uwagi do", "d MMMM yyyy 'r.'")]
    [InlineData("en-GB", "comments until", "d MMMM yyyy")]
    public async Task Home_page_gives_the_closing_day_of_a_consultation_in_the_ui_language(string culture, string until, string format)
    {
        await AddConsultationsAsync("warmia-mazury");
        var closes = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        var html = await Client.GetStringAsync($"/warmia-mazury/?culture={culture}&ui-culture={culture}", TestContext.Current.CancellationToken);

        Assert.Contains($"</a> — {until} {closes.ToString(format, System.Globalization.CultureInfo.GetCultureInfo(culture))}</li>", html);
    }

    [Fact]
    public async Task Home_page_says_so_when_nothing_is_open_to_the_public()
    {
        var html = await Client.GetStringAsync("/lubelskie/", TestContext.Current.CancellationToken);

        Assert.Contains("Teraz nie ma konsultacji, w których uwagi może zgłosić każdy.", html);
        Assert.Contains("Nie opublikowano jeszcze raportów z konsultacji.", html);
        Assert.Contains("Teraz nie trwa żaden nabór.", html);
    }

    [Fact]
    public async Task Pages_link_the_site_icon_and_it_is_served_under_the_regions_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await Client.GetStringAsync("/warmia-mazury/", ct);

        Assert.Contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/warmia-mazury/favicon.svg\" />", html);
        var icon = await Client.GetAsync("/warmia-mazury/favicon.svg", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Three calls for members: one taking applications, one past its deadline, one still a draft.</summary>
    private async Task AddCallsAsync(string slug)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var committee = await db.Set<Committee>().Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        var open = new MemberCall(committee, "Nabór otwarty", "Zapraszamy.", today.AddDays(14), null, []);
        open.Open();
        var late = new MemberCall(committee, "Nabór po terminie", "Zapraszamy.", today.AddDays(-1), null, []);
        late.Open();
        db.AddRange(open, late, new MemberCall(committee, "Nabór w przygotowaniu", "Zapraszamy.", today.AddDays(14), null, []));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Four consultations of one region: open with a public link, open to invited people only, a draft with a public
    /// link, and one whose report is published.
    /// </summary>
    private async Task<Added> AddConsultationsAsync(string slug)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Each consultation owns its schedule (an owned type: one instance per owner).
        ConsultationSchedule Schedule() => ConsultationSchedule.Create(today, today.AddDays(30), moveToNextWorkingDay: false);
        var open = new Consultation($"Projekt {slug}: uwagi może zgłosić każdy", null, null, false, Schedule());
        open.Open(now);
        open.EnablePublicLink($"klucz-{slug}-{Guid.NewGuid():N}");
        var invitedOnly = new Consultation($"Projekt {slug}: tylko zaproszeni", null, null, false, Schedule());
        invitedOnly.Open(now);
        var draft = new Consultation($"Projekt {slug}: w przygotowaniu z linkiem", null, null, false, Schedule());
        draft.EnablePublicLink($"szkic-{slug}-{Guid.NewGuid():N}");
        var report = new Consultation($"Projekt {slug}: raport opublikowany", null, null, false, Schedule());
        report.Open(now);
        report.Close(now);
        report.PublishReport(now);

        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.AddRange(open, invitedOnly, draft, report);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Added(open.PublicKey!, report.Id);
    }
}
