using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Notifications;

/// <summary>Staff and the secretariat see the region's scheduled and sent reminders, to whom they go, and its lead times.</summary>
public sealed class RemindersPageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Thursday 3 December 2026, 10:00 in Warsaw.
    private TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = Clock };

    private static ReminderRequest Term(string title, DateOnly ends) => new("termEnding", "CommitteeMember", Guid.NewGuid(), title, ends,
        "komitety/1", [new EmailAddress("rops@rops.krakow.pl")]);

    [Fact]
    public async Task The_secretariat_sees_what_goes_out_next_and_what_went_out_with_the_regions_lead_times()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30))); // 60 days before: 1 May 2027
        await ScheduleAsync("malopolska", Term("Anna Nowak — MKRES", new DateOnly(2026, 12, 31)));  // lead passed: next 08:00
        Clock.Set(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), Ct));

        var html = await ClientAs(Policies.Roles.Secretary, "malopolska").GetStringAsync("/malopolska/przypomnienia", Ct);

        var scheduled = Section(html, "zaplanowane", "wyslane");
        Assert.Contains("Zaplanowane (1)", scheduled);
        Assert.Contains("<td>1 maja 2027 r., 08:00</td>", scheduled);
        Assert.Contains("<a href=\"/malopolska/komitety/1\">Jan Kowalski — MKRES</a>", scheduled);
        Assert.Contains("<td>30 czerwca 2027 r.</td>", scheduled);
        Assert.Contains("sekretariat i członek", scheduled);
        Assert.DoesNotContain("Anna Nowak", scheduled);
        var sent = Section(html, "wyslane", "ustawienia");
        Assert.Contains("<td>4 grudnia 2026 r., 08:00</td>", sent);
        Assert.Contains("Anna Nowak — MKRES", sent);
        var settings = Section(html, "ustawienia", "</main>");
        Assert.Contains("<th scope=\"row\">Koniec kadencji</th>\n                        <td>60</td>", settings);
        Assert.DoesNotContain("href=\"/malopolska/powiadomienia\"", Section(html, "<h1>", "zaplanowane")); // the outbox is staff's
        var english = await ClientAs(Policies.Roles.Staff, "malopolska").GetStringAsync("/malopolska/przypomnienia?culture=en-GB&ui-culture=en-GB", Ct);
        Assert.Contains("Term of office ending", english);
        Assert.Contains("the secretariat and the member", english);
        Assert.Contains("href=\"/malopolska/powiadomienia\"", english);
    }

    [Fact]
    public async Task Another_regions_staff_see_none_of_them_and_an_implementer_is_refused()
    {
        await ScheduleAsync("malopolska", Term("Jan Kowalski — MKRES", new DateOnly(2027, 6, 30)));

        var other = await ClientAs(Policies.Roles.Staff, "lubelskie").GetStringAsync("/lubelskie/przypomnienia", Ct);
        var implementer = await ClientAs(Policies.Roles.Implementer, "malopolska").GetAsync("/malopolska/przypomnienia", Ct);
        var crossing = await ClientAs(Policies.Roles.Staff, "lubelskie").GetAsync("/malopolska/przypomnienia", Ct);

        Assert.Contains("Nie zaplanowano żadnego przypomnienia.", other);
        Assert.DoesNotContain("Jan Kowalski", other);
        Assert.Equal(HttpStatusCode.Forbidden, implementer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossing.StatusCode); // signed in for Lubelskie only
    }

    private async Task ScheduleAsync(string slug, ReminderRequest request)
    {
        await using var scope = App.ScopeFor(slug);
        await scope.ServiceProvider.GetRequiredService<Reminders>().ScheduleAsync(request, Ct);
        await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
    }

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is on the page");
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
