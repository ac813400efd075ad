using System.Net;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Notifications;

public sealed partial class OutboxPageTests(PostgresServer postgres) : MailTestBase(postgres)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_regions_login_page_and_back()
    {
        var response = await Client.GetAsync("/mazowsze/powiadomienia", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/mazowsze/konto/logowanie?ReturnUrl=%2Fmazowsze%2Fpowiadomienia", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Staff_of_another_tenant_gets_403()
    {
        var response = await GetAsStaffAsync("/mazowsze/powiadomienia", App.TenantId("malopolska"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_see_a_failed_message_with_the_server_answer_and_can_resend_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await App.SeedFailedEmailAsync("mazowsze", "odrzucony@example.org", at: Clock.GetUtcNow());
        await App.SeedFailedEmailAsync("malopolska", "krakow-only@example.org", at: Clock.GetUtcNow());
        var mazowsze = App.TenantId("mazowsze");

        var page = await GetAsStaffAsync("/mazowsze/powiadomienia", mazowsze);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("odrzucony@example.org", html);
        Assert.Contains("550 Mailbox unavailable", html);
        Assert.DoesNotContain("krakow-only@example.org", html);

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/mazowsze/powiadomienia?handler=Resend&id={id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value }),
        };
        post.Headers.Add(TestSignIn.Header, TestSignIn.As(Policies.Roles.Staff, mazowsze));
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var resent = await Client.SendAsync(post, ct);

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var row = Assert.Single(await OutboxAsync("mazowsze"));
        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task Hangfire_dashboard_refuses_anonymous_and_staff()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = await Client.GetAsync("/hangfire", ct);
        var staff = await GetAsStaffAsync("/hangfire", App.TenantId("mazowsze"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsStaffAsync(string path, Guid tenantId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestSignIn.Header, TestSignIn.As(Policies.Roles.Staff, tenantId));
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
