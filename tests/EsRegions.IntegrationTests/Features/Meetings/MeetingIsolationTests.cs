using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>
/// The first law for meetings: Mazowsze's secretariat, holding Małopolska's meeting, batch and RSVP ids, gets 404 from
/// every API route and page of its own region and changes nothing; Małopolska's RSVP token opens nothing on Mazowsze's URL.
/// </summary>
public sealed class MeetingIsolationTests(PostgresServer postgres) : MeetingMailTestBase(postgres)
{
    [Fact]
    public async Task Mazowsze_staff_get_404_for_malopolskas_meeting_everywhere_and_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = ClientAs(Policies.Roles.Secretary, "malopolska");
        var (id, batch, _, rsvp) = await InviteAndDeliverAsync(owner, "malopolska");
        var before = await owner.GetStringAsync($"/malopolska/api/v1/meetings/{id}", ct);
        var attacker = ClientAs(Policies.Roles.Secretary + "," + Policies.Roles.Staff, "mazowsze");
        var token = SignInClient.AntiforgeryToken(await attacker.GetStringAsync("/mazowsze/kalendarz/edycja", ct));
        var api = $"/mazowsze/api/v1/meetings/{id}";
        var body = new { title = "Przejęte", kind = "sitting", startsAt = "2026-04-01T10:00:00", endsAt = "2026-04-01T12:00:00" };

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["GET api"] = (await attacker.GetAsync(api, ct)).StatusCode,
            ["PUT api schedule"] = (await attacker.PutAsJsonAsync($"{api}/schedule", body, ct)).StatusCode,
            ["POST api cancel"] = (await attacker.PostAsync($"{api}/cancel", null, ct)).StatusCode,
            ["POST api invitations"] = (await attacker.PostAsJsonAsync($"{api}/invitations", new { recipients = new[] { new { name = "X", email = "x@example.org" } } }, ct)).StatusCode,
            ["GET api responses"] = (await attacker.GetAsync($"{api}/responses", ct)).StatusCode,
            ["GET api batch"] = (await attacker.GetAsync($"{api}/invitations/batches/{batch}", ct)).StatusCode,
            ["GET details"] = (await attacker.GetAsync($"/mazowsze/kalendarz/{id}", ct)).StatusCode,
            ["POST details cancel"] = (await PostFormAsync(attacker, $"/mazowsze/kalendarz/{id}?handler=Cancel", token, [])).StatusCode,
            ["GET edit"] = (await attacker.GetAsync($"/mazowsze/kalendarz/edycja/{id}", ct)).StatusCode,
            ["POST edit"] = (await PostFormAsync(attacker, $"/mazowsze/kalendarz/edycja/{id}", token, new() { ["Form.Title"] = "Przejęte", ["Form.DateText"] = "Połowa lutego 2027" })).StatusCode,
            ["GET invite"] = (await attacker.GetAsync($"/mazowsze/kalendarz/{id}/zaproszenia", ct)).StatusCode,
            ["POST invite"] = (await PostFormAsync(attacker, $"/mazowsze/kalendarz/{id}/zaproszenia", token, new() { ["Others"] = "x@example.org" })).StatusCode,
            ["GET minutes"] = (await attacker.GetAsync($"/mazowsze/kalendarz/{id}/protokol", ct)).StatusCode,
            ["POST minutes"] = (await PostFormAsync(attacker, $"/mazowsze/kalendarz/{id}/protokol", token, new() { ["Text"] = "Przejęte" })).StatusCode,
            ["GET batch page"] = (await attacker.GetAsync($"/mazowsze/kalendarz/{id}/wysylka/{batch}", ct)).StatusCode,
        };
        var person = Person();
        var foreignRsvp = rsvp.Replace("/malopolska/", "/mazowsze/");
        var rsvpPage = await person.GetAsync(foreignRsvp, ct);
        var rsvpHtml = await rsvpPage.Content.ReadAsStringAsync(ct);
        // A valid antiforgery token of Mazowsze's URLs (the cookie is per region path) so that only the link decides.
        var formToken = SignInClient.AntiforgeryToken(await person.GetStringAsync("/mazowsze/konto/logowanie", ct));
        var rsvpPost = await person.PostAsync(foreignRsvp, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Answer"] = "Declined", ["__RequestVerificationToken"] = formToken,
        }), ct);
        await DispatchUntilIdleAsync();

        Assert.Equal([], answers.Where(a => a.Value != HttpStatusCode.NotFound).Select(a => $"{a.Key}: {(int)a.Value}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/malopolska/api/v1/meetings/{id}", ct)).StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (rsvpPage.StatusCode, rsvpPost.StatusCode));
        Assert.Contains("Ten link nie działa", rsvpHtml);
        Assert.DoesNotContain("Posiedzenie MKRES", rsvpHtml);
        Assert.Equal(before, await owner.GetStringAsync($"/malopolska/api/v1/meetings/{id}", ct));
        Assert.Equal("pending", (await owner.ResponsesAsync("malopolska", id)).Single().Status);
        Assert.Single(await Mail!.EmailsAsync()); // only the real invitation: no update, cancellation or forged invitation went out
        Assert.Empty(await OutboxAsync("mazowsze"));
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = token;
        return client.PostAsync(url, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }
}
