using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Meetings;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>Intent methods of the call tests: open a call through the API, apply through the public form.</summary>
internal static class CallTestSupport
{
    public static async Task<Guid> CommitteeIdAsync(this HttpClient staff, string slug, Func<CommitteeSummaryDto, bool> which) =>
        (await staff.GetFromJsonAsync<List<CommitteeSummaryDto>>($"/{slug}/api/v1/committees", TestContext.Current.CancellationToken))!.Single(which).Id;

    /// <summary>An open call of the region's first working group, deadline 20 March 2026, confirmation by 27 March 2026.</summary>
    public static async Task<Guid> OpenCallAsync(this HttpClient secretary, string slug, string[]? seats = null)
    {
        var committeeId = await secretary.CommitteeIdAsync(slug, c => c.Kind == "workingGroup" || c.Kind == "expertTeam");
        var response = await secretary.PostAsJsonAsync($"/{slug}/api/v1/calls", new
        {
            committeeId, title = "Nabór do grupy roboczej ds. usług społecznych", text = "Szanowni Państwo!\n\nZapraszamy do zgłaszania kandydatów.",
            applicationDeadline = "2026-03-20", confirmationBy = "2026-03-27", seats = seats ?? ["socialEconomyEntity", "localGovernment"], open = true,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedDto>(TestContext.Current.CancellationToken))!.Id;
    }

    public static Dictionary<string, string> Application(string name = "Anna Nowak", string email = "anna@pes.example") => new()
    {
        ["Form.FullName"] = name, ["Form.Email"] = email, ["Form.Institution"] = "Spółdzielnia Socjalna „Razem”",
        ["Form.Seat"] = "SocialEconomyEntity", ["Form.Motivation"] = "Reprezentuję spółdzielnie socjalne z subregionu.", ["Form.RodoConsent"] = "true",
    };

    /// <summary>GETs the public page (for the antiforgery token and cookie) and POSTs the form.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this HttpClient person, string slug, Guid callId, Dictionary<string, string> form)
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await person.GetStringAsync($"/{slug}/nabory/{callId}", ct);
        form["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html);
        return await person.PostAsync($"/{slug}/nabory/{callId}", new FormUrlEncodedContent(form), ct);
    }

    public static async Task<List<ApplicationDto>> ApplicationsAsync(this HttpClient staff, string slug, Guid callId) =>
        (await staff.GetFromJsonAsync<List<ApplicationDto>>($"/{slug}/api/v1/calls/{callId}/applications", TestContext.Current.CancellationToken))!;
}
