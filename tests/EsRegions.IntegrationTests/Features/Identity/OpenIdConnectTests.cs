using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EsRegions.IntegrationTests.Features.Identity;

public sealed class OpenIdConnectTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";

    [Fact]
    public async Task Discovery_advertises_code_with_pkce_s256_refresh_and_client_credentials()
    {
        var discovery = await Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Each_regions_demo_client_gets_a_token_that_opens_its_own_api_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedDemoAsync();
        var mazowsze = await ClientCredentialsAsync("mazowsze-demo", "demo-secret");
        var malopolska = await ClientCredentialsAsync("malopolska-demo", "demo-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/mazowsze/api/v1/organisations", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/mazowsze/api/v1/organisations", mazowsze)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetWithTokenAsync("/mazowsze/api/v1/organisations", malopolska)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/malopolska/api/v1/organisations", malopolska)).StatusCode);
        foreach (var slug in new[] { "warmia-mazury", "lubelskie" })
            Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync($"/{slug}/api/v1/organisations", await ClientCredentialsAsync($"{slug}-demo", "demo-secret"))).StatusCode);
    }

    [Fact]
    public async Task An_access_token_is_a_signed_jwt_and_one_with_its_region_changed_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedDemoAsync();
        var token = await ClientCredentialsAsync("malopolska-demo", "demo-secret");
        var mazowsze = App.Services.GetRequiredService<EsRegions.Web.Infrastructure.Tenancy.TenantRegistry>().FindBySlug("mazowsze")!;

        // Signed, not encrypted (docs/security.md): header.payload.signature, and the payload names the client's region.
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        Assert.NotEqual(mazowsze.Id.ToString(), payload[Policies.TenantClaim]!.GetValue<string>());
        payload[Policies.TenantClaim] = mazowsze.Id.ToString();
        var forged = $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/malopolska/api/v1/organisations", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync("/mazowsze/api/v1/organisations", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithTokenAsync("/malopolska/api/v1/organisations", forged)).StatusCode);
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        await SeedDemoAsync();

        var response = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "mazowsze-demo", ["client_secret"] = "not-the-secret", ["scope"] = "api",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_code_with_pkce_round_trip_gives_tokens_for_the_users_region_refreshes_and_refuses_a_replayed_code()
    {
        var ct = TestContext.Current.CancellationToken;
        await CreatePublicClientAsync("mazowsze-bi", "mazowsze", "http://localhost/callback");
        await App.CreateUserAsync("analityk@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (browser, _) = await App.SignInAsync("mazowsze", "analityk@mcps.example", Password);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "mazowsze-bi", ["redirect_uri"] = "http://localhost/callback", ["response_type"] = "code",
            ["scope"] = "openid api offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "xyz",
        });

        var consentResponse = await browser.GetAsync(authorize, ct);
        Assert.True(consentResponse.StatusCode == HttpStatusCode.OK, $"{consentResponse.StatusCode} {consentResponse.Headers.Location}");
        var consent = await consentResponse.Content.ReadAsStringAsync(ct);
        Assert.Contains("Zgoda na dostęp", consent);
        var form = new Dictionary<string, string>(QueryHelpers.ParseQuery(new Uri("http://localhost" + authorize).Query).ToDictionary(p => p.Key, p => p.Value.ToString()))
        {
            ["decision"] = "allow",
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(consent),
        };
        var redirect = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(form), ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var callback = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.Equal("xyz", callback["state"].ToString());

        var exchange = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"].ToString(), ["redirect_uri"] = "http://localhost/callback",
            ["client_id"] = "mazowsze-bi", ["code_verifier"] = verifier,
        };
        var tokens = await TokenAsync(exchange);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/mazowsze/api/v1/organisations", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetWithTokenAsync("/lubelskie/api/v1/organisations", access)).StatusCode);
        var userInfo = await (await GetWithTokenAsync("/connect/userinfo", access)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(App.TenantId("mazowsze").ToString(), userInfo.GetProperty(Policies.TenantClaim).GetString());

        var refreshed = await TokenAsync(new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!, ["client_id"] = "mazowsze-bi",
        });
        Assert.Equal(HttpStatusCode.OK, (await GetWithTokenAsync("/mazowsze/api/v1/organisations", refreshed.GetProperty("access_token").GetString()!)).StatusCode);

        // The same code a second time (an intercepted redirect replayed) gets nothing.
        var replay = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(exchange), ct);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await replay.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Code_exchange_without_the_pkce_verifier_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await CreatePublicClientAsync("lubelskie-bi", "lubelskie", "http://localhost/callback");

        var response = await Client.GetAsync("/connect/authorize?client_id=lubelskie-bi&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback&response_type=code&scope=api", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // no code_challenge: PKCE is required
    }

    private async Task SeedDemoAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(TestContext.Current.CancellationToken);
    }

    private async Task CreatePublicClientAsync(string clientId, string slug, string redirectUri)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = "Regionalny panel BI",
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + "api", Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Properties[OpenIdServer.TenantProperty] = JsonSerializer.SerializeToElement(slug);
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor, TestContext.Current.CancellationToken);
    }

    private async Task<string> ClientCredentialsAsync(string clientId, string secret) =>
        (await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api" }))
            .GetProperty("access_token").GetString()!;

    private async Task<JsonElement> TokenAsync(Dictionary<string, string> form)
    {
        var response = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private async Task<HttpResponseMessage> GetWithTokenAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
