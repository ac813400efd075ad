using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Features.Monitoring;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EsRegions.IntegrationTests.Infrastructure;

/// <summary>
/// The comparison's answers and the plan page's body are kept in memory until the database announces a change of the
/// data behind them (ChangeFeed: triggers, pg_notify, one listening connection per instance; docs/performance.md).
/// Whoever changes the data, through the app or by plain SQL, the next answer after the notification is the new one;
/// and while nothing is announced, the answer really comes from memory.
/// </summary>
public sealed class ChangeFeedCacheTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Jobs = MonitoringPlans.JobsCode;

    [Fact]
    public async Task A_comparison_is_answered_from_memory_until_the_database_announces_a_change_of_published_values()
    {
        await PublishAsync("mazowsze", 120);
        await ListeningAsync();
        Assert.Equal(120m, await MazowszeJobsAsync());

        // Changed with the table's notification switched off: nobody announces it, so the remembered answer stands.
        await SuperuserSqlAsync($"""
            ALTER TABLE published_indicator_values DISABLE TRIGGER published_indicator_values_notify;
            UPDATE published_indicator_values SET value = 777 WHERE region_slug = 'mazowsze' AND catalogue_code = '{Jobs}';
            ALTER TABLE published_indicator_values ENABLE TRIGGER published_indicator_values_notify;
            """);
        Assert.Equal(120m, await MazowszeJobsAsync());

        await SuperuserSqlAsync($"SELECT pg_notify('{ChangeFeed.Channel}', '{ChangeFeed.Topics.Comparison}')");
        Assert.Equal(777m, await EventuallyAsync(MazowszeJobsAsync, 777m));
    }

    [Fact]
    public async Task Published_values_populations_and_the_catalogue_changed_by_plain_sql_reach_the_next_comparison()
    {
        await PublishAsync("mazowsze", 120);
        await ListeningAsync();
        Assert.Equal(120m, await MazowszeJobsAsync());

        await SuperuserSqlAsync($"UPDATE published_indicator_values SET value = 130 WHERE region_slug = 'mazowsze' AND catalogue_code = '{Jobs}'");
        Assert.Equal(130m, await EventuallyAsync(MazowszeJobsAsync, 130m));

        await SuperuserSqlAsync($"UPDATE indicator_catalogue SET unit = 'etaty' WHERE code = '{Jobs}'");
        Assert.Equal("etaty", await EventuallyAsync(async () => (await CompareAsync()).Unit, "etaty"));

        await SuperuserSqlAsync($"DELETE FROM published_indicator_values WHERE region_slug = 'mazowsze'");
        Assert.Empty(await Poll.UntilAsync(async () => (await CompareAsync()).Series, s => s.Count == 0));
    }

    [Fact]
    public async Task The_plan_page_shows_values_entered_after_it_was_rendered_and_a_plan_changed_by_plain_sql()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();
        await ListeningAsync();
        var first = await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct);
        Assert.Contains("1 z 4 wskaźników osiągniętych", first);

        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[1].Id}/values/2024", new { value = 35 }, Ct)).EnsureSuccessStatusCode();
        Assert.Contains("2 z 4 wskaźników osiągniętych", await Poll.UntilAsync(() => staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct),
            html => html.Contains("2 z 4 wskaźników osiągniętych")));

        await AppSqlAsync("mazowsze", $"UPDATE plan_actions SET name = 'Działanie przemianowane poza aplikacją' WHERE plan_id = {planId}");
        Assert.Contains("Działanie przemianowane poza aplikacją", await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct));
    }

    [Fact]
    public async Task The_plan_page_body_comes_from_memory_until_the_plans_values_are_announced()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        (await staff.PutAsJsonAsync($"/mazowsze/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();
        await ListeningAsync();
        Assert.Contains("1 z 4 wskaźników osiągniętych", await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct));

        await SuperuserSqlAsync($"""
            ALTER TABLE monitoring_indicator_values DISABLE TRIGGER monitoring_indicator_values_notify_update;
            UPDATE monitoring_indicator_values SET number = 10 WHERE period = '2024';
            ALTER TABLE monitoring_indicator_values ENABLE TRIGGER monitoring_indicator_values_notify_update;
            """);
        Assert.Contains("1 z 4 wskaźników osiągniętych", await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct));

        await SuperuserSqlAsync($"SELECT pg_notify('{ChangeFeed.Channel}', '{ChangeFeed.Topics.PlanStatus(planId)}')");
        Assert.Contains("0 z 4 wskaźników osiągniętych", await Poll.UntilAsync(() => staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct),
            html => html.Contains("0 z 4 wskaźników osiągniętych")));
    }

    [Fact]
    public async Task Readers_who_may_not_edit_and_the_print_view_get_bodies_of_their_own_and_another_region_gets_404()
    {
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var secretary = ClientAs(Policies.Roles.Secretary, "mazowsze");
        var (planId, _) = await MonitoringPlans.ImportAsync(staff, "mazowsze");
        await ListeningAsync();

        var forSecretary = await secretary.GetStringAsync($"/mazowsze/plany/{planId}", Ct);
        var forStaff = await staff.GetStringAsync($"/mazowsze/plany/{planId}", Ct);
        var print = await staff.GetStringAsync($"/mazowsze/plany/{planId}?druk=true", Ct);
        var again = await secretary.GetStringAsync($"/mazowsze/plany/{planId}", Ct);

        Assert.DoesNotContain("/edycja\"", forSecretary);
        Assert.Contains("/edycja\"", forStaff);
        Assert.Contains("Szczegółowy opis", print);
        Assert.DoesNotContain("Szczegółowy opis", forStaff);
        Assert.DoesNotContain("/edycja\"", again);
        var other = await ClientAs(Policies.Roles.Staff, "lubelskie").GetAsync($"/lubelskie/plany/{planId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private async Task PublishAsync(string slug, decimal jobs)
    {
        var staff = ClientAs(Policies.Roles.Staff, slug);
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, slug);
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = jobs }, Ct)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/{slug}/api/v1/plans/{planId}/report/2024/publish", null, Ct)).EnsureSuccessStatusCode();
    }

    private async Task<ComparisonDto> CompareAsync() =>
        (await ClientAs(Policies.Roles.Staff, "lubelskie").GetFromJsonAsync<ComparisonDto>($"/api/v1/comparison?indicator={Jobs}&from=2024&to=2024", Ct))!;

    private async Task<decimal> MazowszeJobsAsync() => (await CompareAsync()).Series.Single(s => s.Region == "mazowsze").Values.Single().Value;

    /// <summary>
    /// Until this instance listens for change notifications (the listener connects after the app starts) and has heard
    /// every notification committed so far: the arrange steps' own changes announce themselves a moment later, and one
    /// arriving after the test's first read would rightly empty the cache under the test. PostgreSQL delivers
    /// notifications in commit order, so once a marker sent now has been heard, all earlier ones have been too.
    /// </summary>
    private async Task ListeningAsync()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        await Poll.UntilAsync(() => feed.TryGetStamp(ChangeFeed.Topics.Comparison, out _), "the change feed did not start listening");

        var marker = $"test-settled:{Guid.NewGuid():N}";
        await SuperuserSqlAsync($"SELECT pg_notify('{ChangeFeed.Channel}', '{marker}')");
        await Poll.UntilAsync(() => feed.TryGetStamp(marker, out var stamp) && stamp.Count > 0, "the change feed did not hear the marker notification");
    }

    /// <summary>A notification takes a moment to arrive: asks again for up to ten seconds.</summary>
    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, T expected) => Poll.UntilAsync(read, v => Equals(v, expected));

    /// <summary>SQL as the cluster's superuser on the test database, past every app code path and row-level security.</summary>
    private async Task SuperuserSqlAsync(string sql)
    {
        var database = new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name, Pooling = false };
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>SQL as the app's role in the region's scope (row-level security applies), not through any app code path.</summary>
    private async Task AppSqlAsync(string slug, FormattableString sql)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        Assert.True(await db.Database.ExecuteSqlAsync(sql, Ct) > 0, "the statement changed no row");
    }
}
