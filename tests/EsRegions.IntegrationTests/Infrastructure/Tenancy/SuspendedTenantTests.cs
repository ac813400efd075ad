using System.Net;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

public sealed class SuspendedTenantTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private readonly TenantsCopy _tenants = TenantsCopy.Create(json => json.Replace(
        "\"hosts\": [\"lubelskie.localhost\"],\n      \"state\": \"active\"",
        "\"hosts\": [\"lubelskie.localhost\"],\n      \"state\": \"suspended\""));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database, _tenants.Directory);

    [Fact]
    public async Task Suspended_tenant_answers_503_with_problem_details()
    {
        var response = await Client.GetAsync("/lubelskie/api/v1/organisations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Suspended_tenant_shows_a_browser_the_error_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lubelskie/plany");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Ten region jest czasowo niedostępny.", html);
    }

    [Fact]
    public async Task Suspended_tenant_is_not_listed_but_the_others_still_work()
    {
        var ct = TestContext.Current.CancellationToken;
        var list = await Client.GetStringAsync("/api/v1/tenants", ct);
        var other = await Client.GetAsync("/mazowsze/", ct);

        Assert.DoesNotContain("lubelskie", list);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
