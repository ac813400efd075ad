using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>The first law for calls for members: Małopolska's call and applications are 404 on every Mazowsze route and stay unchanged.</summary>
public sealed class CallIsolationTests(PostgresServer postgres) : MailTestBase(postgres)
{
    [Fact]
    public async Task Mazowsze_staff_and_the_public_get_404_for_malopolskas_call_and_applications_and_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = ClientAs(Policies.Roles.Secretary, "malopolska");
        var callId = await owner.OpenCallAsync("malopolska");
        await App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ApplyAsync("malopolska", callId, CallTestSupport.Application());
        var applicationId = (await owner.ApplicationsAsync("malopolska", callId)).Single().Id;
        var before = await owner.GetStringAsync($"/malopolska/api/v1/calls/{callId}", ct);
        var attacker = ClientAs(Policies.Roles.Secretary + "," + Policies.Roles.Staff, "mazowsze");
        var token = SignInClient.AntiforgeryToken(await attacker.GetStringAsync("/mazowsze/komitety/nabory/edycja", ct));
        var api = $"/mazowsze/api/v1/calls/{callId}";
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // The antiforgery token of an open call's form in the attacker's own region.
        var publicToken = SignInClient.AntiforgeryToken(await anonymous.GetStringAsync($"/mazowsze/nabory/{await attacker.OpenCallAsync("mazowsze")}", ct));

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["GET api"] = (await attacker.GetAsync(api, ct)).StatusCode,
            ["POST api open"] = (await attacker.PostAsync($"{api}/open", null, ct)).StatusCode,
            ["POST api close"] = (await attacker.PostAsync($"{api}/close", null, ct)).StatusCode,
            ["GET api applications"] = (await attacker.GetAsync($"{api}/applications", ct)).StatusCode,
            ["POST api decision"] = (await attacker.PostAsJsonAsync($"{api}/applications/{applicationId}/decision", new { decision = "accepted" }, ct)).StatusCode,
            ["GET public page"] = (await anonymous.GetAsync($"/mazowsze/nabory/{callId}", ct)).StatusCode,
            ["POST public form"] = (await PostFormAsync(anonymous, $"/mazowsze/nabory/{callId}", publicToken, CallTestSupport.Application("Ewa", "ewa@example.org"))).StatusCode,
            ["GET review"] = (await attacker.GetAsync($"/mazowsze/komitety/nabory/{callId}", ct)).StatusCode,
            ["POST review accept"] = (await PostFormAsync(attacker, $"/mazowsze/komitety/nabory/{callId}?handler=Accept", token, new() { ["applicationId"] = applicationId.ToString() })).StatusCode,
            ["POST review reject"] = (await PostFormAsync(attacker, $"/mazowsze/komitety/nabory/{callId}?handler=Reject", token, new() { ["applicationId"] = applicationId.ToString() })).StatusCode,
            ["POST review close"] = (await PostFormAsync(attacker, $"/mazowsze/komitety/nabory/{callId}?handler=Close", token, [])).StatusCode,
            ["GET edit"] = (await attacker.GetAsync($"/mazowsze/komitety/nabory/edycja/{callId}", ct)).StatusCode,
            ["POST edit"] = (await PostFormAsync(attacker, $"/mazowsze/komitety/nabory/edycja/{callId}", token, new() { ["Form.Title"] = "Przejęte" })).StatusCode,
        };

        Assert.Equal([], answers.Where(a => a.Value != HttpStatusCode.NotFound).Select(a => $"{a.Key}: {(int)a.Value}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/malopolska/api/v1/calls/{callId}/applications", ct)).StatusCode);
        Assert.DoesNotContain(callId.ToString(), await attacker.GetStringAsync("/mazowsze/api/v1/calls", ct));
        Assert.Equal(before, await owner.GetStringAsync($"/malopolska/api/v1/calls/{callId}", ct));
        var application = (await owner.ApplicationsAsync("malopolska", callId)).Single();
        Assert.Equal(("submitted", "Anna Nowak"), (application.Status, application.Name));
        Assert.Empty(await OutboxAsync("mazowsze"));
        Assert.Single(await OutboxAsync("malopolska")); // Anna's confirmation only
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = token;
        return client.PostAsync(url, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }
}
