using System.Net;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Infrastructure.Web;

/// <summary>
/// PostgreSQL refusing connections (as during a restart) is answered with 503 + Retry-After, not 500 (problem details,
/// or the error page for a browser), and the same app serves again once the database is back — no restart of the app.
/// </summary>
public sealed class DatabaseOutageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Api_answers_503_with_retry_after_while_the_database_refuses_connections_and_recovers_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/mazowsze/api/v1/plans", ct)).StatusCode);

        await SetDatabaseOpenAsync(false);
        try
        {
            var response = await staff.GetAsync("/mazowsze/api/v1/plans", ct);
            var body = await response.Content.ReadAsStringAsync(ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Contains("database", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain(" at ", body);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.GetAsync("/health/ready", ct)).StatusCode);
        }
        finally
        {
            await SetDatabaseOpenAsync(true);
        }

        // Connections broken by the outage are dropped by the pool as they fail; within a few tries it serves again.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await staff.GetAsync("/mazowsze/api/v1/plans", ct)).StatusCode;
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"got {(int)status} after the database came back");
            if (status != HttpStatusCode.OK) await Task.Delay(250, ct);
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Browser_gets_the_error_page_with_retry_after_while_the_database_refuses_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        await SetDatabaseOpenAsync(false);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/mazowsze/plany");
            request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            var response = await staff.SendAsync(request, ct);
            var html = await response.Content.ReadAsStringAsync(ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Contains("Baza danych jest przez chwilę niedostępna. Nic nie zostało zapisane", html);
        }
        finally
        {
            await SetDatabaseOpenAsync(true);
        }
    }

    /// <summary>Closes the database to new connections and ends the open ones, or opens it again.</summary>
    private Task SetDatabaseOpenAsync(bool open) => PostgresServer.ExecuteAsync(Postgres.SuperuserConnection, open
        ? $"ALTER DATABASE {App.Database.Name} ALLOW_CONNECTIONS true"
        : $"ALTER DATABASE {App.Database.Name} ALLOW_CONNECTIONS false; " +
          $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{App.Database.Name}' AND pid <> pg_backend_pid()");
}
