using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;

namespace EsRegions.IntegrationTests.Infrastructure.Security;

public sealed class RateLimitTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const int Limit = 3;

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = new EsRegionsAppFactory(database);
        factory.Settings["RateLimits:SignInPerMinute"] = Limit.ToString();
        factory.Settings["RateLimits:HeavyPagesAtOnce"] = "1";
        return factory;
    }

    [Fact]
    public async Task Password_guesses_beyond_the_limit_are_refused_with_429_while_the_form_still_opens()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
            statuses.Add((await App.SignInAsync("mazowsze", "nikt@example.org", $"zgadywanie-{i}")).Response.StatusCode);

        Assert.All(statuses.Take(Limit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var form = await Client.GetAsync("/mazowsze/konto/logowanie", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task Client_secret_guesses_at_the_token_endpoint_are_refused_with_429_and_retry_after()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HttpResponseMessage last = null!;
        for (var i = 0; i <= Limit; i++)
            last = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "mazowsze-demo", ["client_secret"] = $"guess-{i}", ["scope"] = "api",
            }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("60", last.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Plan_pages_beyond_the_heavy_page_limit_wait_their_turn_and_none_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(RateLimits.HeavyPage, typeof(PlanTreeModel).GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName);
        var staff = ClientAs(Policies.Roles.Staff, "malopolska");
        var plan = (await staff.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", ct))!.Single();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => staff.GetAsync($"/malopolska/plany/{plan.Id}", ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
