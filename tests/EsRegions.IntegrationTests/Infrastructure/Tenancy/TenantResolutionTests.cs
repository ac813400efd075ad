using System.Net;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

public sealed class TenantResolutionTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Platform_start_page_lists_the_four_regions_with_links()
    {
        var html = await Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        foreach (var slug in new[] { "mazowsze", "malopolska", "warmia-mazury", "lubelskie" })
            Assert.Contains($"href=\"/{slug}/\"", html);
        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Lublinie", html);
    }

    [Fact]
    public async Task Tenant_home_page_is_polish_and_names_the_operator()
    {
        var html = await Client.GetStringAsync("/mazowsze/", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"pl\">", html);
        Assert.Contains("Mazowieckie Centrum Polityki Społecznej", html);
        Assert.Contains("Mazowiecki Komitet Rozwoju Ekonomii Społecznej", html);
        Assert.DoesNotContain("Regionalny Ośrodek Polityki Społecznej w Krakowie", html);
    }

    [Fact]
    public async Task English_switch_sets_a_cookie_and_the_page_answers_in_english()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await Client.GetAsync("/malopolska/language/en?returnUrl=%2Fmalopolska%2F", ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/malopolska/", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/malopolska/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await Client.SendAsync(request, ct)).Content.ReadAsStringAsync(ct);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Lesser Poland Voivodeship", html);
    }

    [Fact]
    public async Task Language_switch_refuses_to_redirect_off_site()
    {
        var response = await Client.GetAsync("/language/en?returnUrl=%2F%2Fevil.example", TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/no-such-region/")]
    [InlineData("/no-such-region/api/v1/organisations")]
    [InlineData("/api/v1/organisations")]
    public async Task Unknown_region_or_missing_region_is_404_never_a_default_tenant(string path)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Platform_api_does_not_answer_on_a_tenant_url()
    {
        var response = await Client.GetAsync("/mazowsze/api/v1/tenants", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_slug_without_trailing_slash_redirects_to_its_home()
    {
        var response = await Client.GetAsync("/lubelskie", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lubelskie/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Tenant_host_name_resolves_the_tenant_without_a_path_prefix()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "warmia-mazury.localhost";

        var html = await (await Client.SendAsync(request, ct)).Content.ReadAsStringAsync(ct);

        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Olsztynie", html);
        Assert.Contains("Regionalny Komitet Rozwoju Ekonomii Społecznej", html);
    }
}
