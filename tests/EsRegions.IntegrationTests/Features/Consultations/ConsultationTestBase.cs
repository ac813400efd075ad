using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>Intent methods for consultation tests: create through the API, open, read the real e-mails, use the links.</summary>
public abstract partial class ConsultationTestBase(PostgresServer postgres) : MailTestBase(postgres)
{
    protected const string Slug = "malopolska";
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected HttpClient Staff => field ??= ClientAs(Policies.Roles.Staff, Slug);

    protected async Task<Guid> PlanIdAsync() =>
        (await Staff.GetFromJsonAsync<List<PlanSummaryDto>>($"/{Slug}/api/v1/plans", Ct))!.Single().Id;

    protected async Task<ConsultationCreatedDto> CreateAsync(string opensOn = "2026-03-02", string closesOn = "2026-04-10", bool? programme = null,
        bool publicLink = false)
    {
        var response = await Staff.PostAsJsonAsync($"/{Slug}/api/v1/consultations",
            new { title = "Projekt Rocznego Planu Działania 2027", planId = await PlanIdAsync(), opensOn, closesOn, programme, publicLink }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConsultationCreatedDto>(Ct))!;
    }

    protected async Task AddParticipantsAsync(Guid id, params (string Name, string Email, string? Organisation)[] people)
    {
        var response = await Staff.PostAsJsonAsync($"/{Slug}/api/v1/consultations/{id}/participants",
            new { participants = people.Select(p => new { name = p.Name, email = p.Email, organisation = p.Organisation }) }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    protected async Task<int> OpenAsync(Guid id)
    {
        var response = await Staff.PostAsync($"/{Slug}/api/v1/consultations/{id}/open", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OpenedDto>(Ct))!.Queued;
    }

    /// <summary>A consultation of the seed plan, open, with Anna and Jan invited and the invitations delivered to MailDev.</summary>
    protected async Task<Guid> OpenWithTwoParticipantsAsync()
    {
        var created = await CreateAsync();
        await AddParticipantsAsync(created.Id, ("Anna Nowak", "anna@fundacja.example", "Fundacja Razem"), ("Jan Kowalski", "jan@gmina.example", null));
        Assert.Equal(2, await OpenAsync(created.Id));
        await DispatchUntilIdleAsync();
        return created.Id;
    }

    protected async Task<List<JsonElement>> EmailsToAsync(string address) =>
        (await Mail!.EmailsAsync()).Where(e => e.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == address)).ToList();

    /// <summary>The path of the personal link in the latest e-mail to <paramref name="address"/> (text part), as the person would click it.</summary>
    protected async Task<string> ReplyPathFromEmailAsync(string address)
    {
        var mail = (await EmailsToAsync(address)).Last();
        var match = ReplyLink().Match(mail.GetProperty("text").GetString()!);
        Assert.True(match.Success, "no reply link in the e-mail");
        return match.Groups[1].Value;
    }

    /// <summary>A client with its own cookies, like the participant's browser: no account, no staff header.</summary>
    protected HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected static string Token(string html) => SignInClient.AntiforgeryToken(html);

    /// <summary>The element ids of the reply form, by box index ("Boxes[3].ElementId" → 3).</summary>
    protected static Dictionary<int, string> ElementIds(string html) =>
        ElementInput().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);

    protected async Task<List<CommentDto>> CommentsAsync(Guid id) =>
        (await Staff.GetFromJsonAsync<List<CommentDto>>($"/{Slug}/api/v1/consultations/{id}/comments", Ct))!;

    protected async Task<(HttpResponseMessage Page, string Html)> StaffPageAsync(string path)
    {
        var page = await Staff.GetAsync(path, Ct);
        return (page, await page.Content.ReadAsStringAsync(Ct));
    }

    protected async Task<HttpResponseMessage> StaffPostAsync(string path, HttpResponseMessage page, string html, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(html);
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await Staff.SendAsync(post, Ct);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/malopolska/konsultacje/odpowiedz/[A-Za-z0-9_-]{43})")]
    protected static partial Regex ReplyLink();

    [GeneratedRegex("name=\"Boxes\\[(\\d+)\\].ElementId\" value=\"([^\"]*)\"")]
    private static partial Regex ElementInput();
}
