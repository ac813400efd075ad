using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>Bad links: tampered, random, revoked, another region's — one plain page, no form.</summary>
public sealed class ReplyLinkTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    [Fact]
    public async Task Tampered_random_revoked_and_foreign_links_get_the_same_page_and_no_form()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var good = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var token = good[(good.LastIndexOf('/') + 1)..];
        var tampered = good[..^token.Length] + (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var random = good[..^token.Length] + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var jan = await ReplyPathFromEmailAsync("jan@gmina.example");
        var janId = (await Staff.GetFromJsonAsync<List<EsRegions.Web.Features.Consultations.ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!
            .Single(p => p.Email == "jan@gmina.example").Id;
        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync(jan, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Staff.DeleteAsync($"/{Slug}/api/v1/consultations/{id}/participants/{janId}", Ct)).StatusCode);
        var foreign = good.Replace("/malopolska/", "/mazowsze/");

        var bodies = new List<string>();
        foreach (var path in new[] { tampered, random, jan, foreign, good[..^1] })
        {
            var response = await Browser().GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Ten link nie działa", html);
            Assert.DoesNotContain("<textarea", html);
            Assert.DoesNotContain("Projekt Rocznego Planu", html);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            bodies.Add(html.Replace(path, "LINK").Replace(Uri.EscapeDataString(path), "LINK"));
        }
        // Within the region, a tampered, a random and a revoked link cannot be told apart.
        Assert.Single(bodies.Take(3).Distinct());
        Assert.Equal(HttpStatusCode.OK, (await Browser().GetAsync(good, Ct)).StatusCode);
    }

    [Fact]
    public async Task Tampered_and_random_tokens_are_answered_with_identical_pages()
    {
        await OpenWithTwoParticipantsAsync();
        var good = await ReplyPathFromEmailAsync("anna@fundacja.example");
        var prefix = good[..(good.LastIndexOf('/') + 1)];
        var token = good[prefix.Length..];
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var random = new string('x', 43);

        var a = await Browser().GetStringAsyncOr404(prefix + tampered, Ct);
        var b = await Browser().GetStringAsyncOr404(prefix + random, Ct);

        Assert.Equal(a.Replace(tampered, "T"), b.Replace(random, "T"));
    }
}

internal static class BrowserExtensions
{
    public static async Task<string> GetStringAsyncOr404(this HttpClient client, string path, CancellationToken ct)
    {
        var response = await client.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }
}
