using Microsoft.AspNetCore.Mvc.Testing;
using System.Net;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.IntegrationTests.Infrastructure.Web;

public sealed class WebPlatformTests(PostgresServer postgres) : AppTestBase(postgres)
{
    /// <summary>Adds one route that throws, behind the app's own pipeline, to see what a client gets for a crash.</summary>
    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new ThrowingAppFactory(database);

    [Fact]
    public async Task Unknown_api_resource_is_problem_details_with_status_and_title()
    {
        var response = await ClientAs(EsRegions.Web.Infrastructure.Security.Policies.Roles.Staff, "mazowsze")
            .GetAsync("/mazowsze/api/v1/organisations/00000000-0000-0000-0000-000000000001", TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Region_api_answers_a_browser_with_a_problem_document_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/mazowsze/api/v1/organisations/00000000-0000-0000-0000-000000000001");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        var response = await ClientAs(EsRegions.Web.Infrastructure.Security.Policies.Roles.Staff, "mazowsze")
            .SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_stack_trace()
    {
        var response = await Client.GetAsync("/test/boom", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Contains("traceId", body);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")] // a form sent to a page that answers 404 showed the browser a JSON problem document
    public async Task Browser_gets_a_polish_error_page_for_an_unknown_region(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/no-such-region/");
        if (method == "POST") request.Content = new FormUrlEncodedContent([KeyValuePair.Create("Title", "x")]);
        request.Headers.Add("Accept", "text/html");
        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Nie znaleziono strony", html);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Browser_gets_the_error_page_with_a_trace_id_for_a_crash(string method)
    {
        var (response, html) = await SendAsBrowser(method, "/mazowsze/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Wystąpił błąd", html);
        Assert.Contains("Jeśli błąd się powtórzy, zgłoś go i podaj ten numer:", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.Equal(method == "POST", html.Contains("href=\"/mazowsze/test/boom\""));
    }

    [Theory]
    [InlineData("pl-PL", "Nie można tego zrobić", "Uchwała nr XII/34/2026 tego komitetu jest już w rejestrze.")]
    [InlineData("en-GB", "This cannot be done", "Resolution no. XII/34/2026 of this committee is already in the register.")]
    public async Task Browser_gets_the_error_page_with_the_conflict_in_its_language(string culture, string title, string reason)
    {
        var (response, html) = await SendAsBrowser("POST", $"/mazowsze/test/conflict?culture={culture}&ui-culture={culture}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(title, html);
        Assert.Contains(reason, html);
    }

    [Fact]
    public async Task Api_client_still_gets_a_problem_document_for_a_conflict()
    {
        var response = await Client.PostAsync("/mazowsze/test/conflict", null, TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Uchwała nr XII/34/2026 tego komitetu jest już w rejestrze.", problem.GetProperty("detail").GetString());
    }

    private async Task<(HttpResponseMessage Response, string Html)> SendAsBrowser(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new FormUrlEncodedContent([KeyValuePair.Create("Title", "x")]);
        // What a browser sends for a page: HTML first, anything else accepted (so JSON would do too).
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await Client.GetAsync("/mazowsze/", TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_over_https_carry_hsts_and_plain_http_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://esregions.example.pl/") });

        var secure = await https.GetAsync("/mazowsze/", ct);
        var plain = await Client.GetAsync("/mazowsze/", ct);

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal("Healthy", await Client.GetStringAsync("/health/ready", ct));
    }

    [Fact]
    public async Task OpenApi_document_describes_tenant_routes_under_the_slug()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/tenants", paths);
        Assert.Contains("/{slug}/api/v1/organisations", paths);
        Assert.Contains("/{slug}/api/v1/organisations/{id}", paths);
        Assert.DoesNotContain("/api/v1/organisations", paths);
    }

    [Fact]
    public async Task Api_reference_is_browsable()
    {
        var response = await Client.GetAsync("/scalar/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
    }

    private sealed class ThrowingAppFactory(TestDatabase database) : EsRegionsAppFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingRoute()));
        }
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        /// <summary>A committee rule's template, which has an English entry.</summary>
        private const string ResolutionTaken = "Uchwała nr {0} tego komitetu jest już w rejestrze.";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((ctx, nextMiddleware) => ctx.Request.Path.Value switch
            {
                "/test/boom" => throw new InvalidOperationException("secret detail"),
                "/test/conflict" => throw new ConflictException(ResolutionTaken, "XII/34/2026"),
                _ => nextMiddleware(ctx),
            });
        };
    }
}
