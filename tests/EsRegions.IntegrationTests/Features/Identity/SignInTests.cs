using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Identity;

public sealed class SignInTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";

    [Fact]
    public async Task Staff_sign_in_on_their_region_and_open_its_staff_pages()
    {
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);

        var (client, response) = await App.SignInAsync("mazowsze", "ewa@mcps.example", Password);
        var staffPage = await client.GetAsync("/mazowsze/powiadomienia", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/mazowsze/", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("esr.auth="));
        Assert.Contains("path=/;", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
    }

    [Fact]
    public async Task A_mazowsze_session_cookie_does_not_open_malopolska_staff_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (_, response) = await App.SignInAsync("mazowsze", "ewa@mcps.example", Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("esr.auth=")).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/malopolska/powiadomienia");
        request.Headers.Add("Cookie", cookie);
        var foreign = await Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.StartsWith("http://localhost/malopolska/konto/logowanie", foreign.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_person_without_a_membership_in_the_region_cannot_sign_in_there()
    {
        await App.CreateUserAsync("jan@rops-krakow.example", Password, "malopolska", Policies.Roles.Staff);

        var (_, response) = await App.SignInAsync("lubelskie", "jan@rops-krakow.example", Password);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nieprawidłowy adres e-mail lub hasło.", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("esr.auth=")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await App.CreateUserAsync("ola@rops-lublin.example", Password, "lubelskie", Policies.Roles.Secretary);
        for (var i = 0; i < 5; i++) await App.SignInAsync("lubelskie", "ola@rops-lublin.example", "zle-haslo-" + i);

        var (_, response) = await App.SignInAsync("lubelskie", "ola@rops-lublin.example", Password);

        Assert.Contains("konto zostało zablokowane na 15 minut", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_secretary_is_refused_the_staff_only_outbox_page()
    {
        await App.CreateUserAsync("sekretarz@rkres.example", Password, "warmia-mazury", Policies.Roles.Secretary);
        var (client, _) = await App.SignInAsync("warmia-mazury", "sekretarz@rkres.example", Password);

        var page = await client.GetAsync("/warmia-mazury/powiadomienia", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task End_session_endpoint_signs_the_person_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (client, _) = await App.SignInAsync("mazowsze", "ewa@mcps.example", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mazowsze/konto", ct)).StatusCode);

        var endSession = await client.GetAsync("/connect/endsession", ct);
        var after = await client.GetAsync("/mazowsze/konto", ct);

        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/mazowsze/konto/logowanie", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Two_app_instances_accept_each_others_cookies()
    {
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (_, response) = await App.SignInAsync("mazowsze", "ewa@mcps.example", Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("esr.auth=")).Split(';')[0];
        await using var second = new EsRegionsAppFactory(App.Database);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/mazowsze/powiadomienia");
        request.Headers.Add("Cookie", cookie);
        var page = await second.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Platform_administrator_signs_in_on_the_platform_and_only_there_sees_the_jobs_dashboard()
    {
        await App.CreatePlatformAdminAsync("root@esregions.example", Password);

        var (client, response) = await App.SignInAsync("", "root@esregions.example", Password);
        var dashboard = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
