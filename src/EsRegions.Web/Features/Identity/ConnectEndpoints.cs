using System.Security.Claims;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EsRegions.Web.Features.Identity;

/// <summary>The token, userinfo and end-session endpoints of the OpenID Connect server (authorize is a page).</summary>
internal static class ConnectEndpoints
{
    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        var connect = app.MapGroup("/connect").WithMetadata(new PlatformScopedAttribute()).ExcludeFromDescription().DisableAntiforgery();
        connect.MapPost("/token", TokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(OpenIdServer.BearerScheme).RequireAuthenticatedUser());
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IOpenIddictApplicationManager apps, TenantRegistry registry, TenantScopeFactory scopes)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await apps.FindByClientIdAsync(request.ClientId!);
            var tenant = client is null ? null : await ClientTenant.OfAsync(apps, client, registry);
            if (tenant is null || !registry.IsActive(tenant)) return Reject(Errors.InvalidClient, "The client belongs to no active region.");
            var identity = NewIdentity();
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, await apps.GetDisplayNameAsync(client!))
                .SetClaim(Policies.TenantClaim, tenant.Id.ToString());
            // API.md: a region's integration client acts with the Staff and Secretary roles of that region only.
            identity.SetClaims(Claims.Role, [Policies.Roles.Staff, Policies.Roles.Secretary]);
            return SignIn(identity, request.GetScopes());
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            var tenantId = principal.GetClaim(Policies.TenantClaim);
            var tenant = tenantId is null ? null : registry.FindById(Guid.Parse(tenantId));
            if (tenant is null || !registry.IsActive(tenant)) return Reject(Errors.InvalidGrant, "The region of this grant is not active.");
            await using var scope = scopes.CreateScope(tenant.Id);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(principal.GetClaim(Claims.Subject)!);
            var session = user is null ? null : await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            // Roles and membership are read again: a deactivated account or membership gets no new tokens.
            if (session?.TenantId() != tenant.Id.ToString()) return Reject(Errors.InvalidGrant, "The account may no longer use this region.");
            return SignIn(UserIdentity.From(session, tenant), principal.GetScopes());
        }
        return Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult UserInfo(ClaimsPrincipal user) => Results.Ok(new Dictionary<string, string?>
    {
        [Claims.Subject] = user.GetClaim(Claims.Subject),
        [Claims.Name] = user.GetClaim(Claims.Name),
        [Claims.Email] = user.GetClaim(Claims.Email),
        [Policies.TenantClaim] = user.GetClaim(Policies.TenantClaim),
    });

    private static async Task<IResult> EndSessionAsync(HttpContext http, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    internal static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    internal static IResult SignIn(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or Policies.TenantClaim => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name or Claims.Email when identity.HasScope(Scopes.Profile) || identity.HasScope(Scopes.Email)
                => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name or Claims.Email or Claims.Role => [Destinations.AccessToken],
            _ => [],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Reject(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>The region a client belongs to: the "tenant" property (a slug) of its OpenIddict application.</summary>
internal static class ClientTenant
{
    public static async Task<Tenant?> OfAsync(IOpenIddictApplicationManager apps, object client, TenantRegistry registry)
    {
        var properties = await apps.GetPropertiesAsync(client);
        return properties.TryGetValue(OpenIdServer.TenantProperty, out var slug) && slug.ValueKind == System.Text.Json.JsonValueKind.String
            ? registry.FindBySlug(slug.GetString()!)
            : null;
    }
}

/// <summary>The claims a user's token carries: who, which region, which roles there.</summary>
internal static class UserIdentity
{
    public static ClaimsIdentity From(ClaimsPrincipal session, Tenant tenant)
    {
        var identity = ConnectEndpoints.NewIdentity();
        identity.SetClaim(Claims.Subject, session.FindFirstValue(ClaimTypes.NameIdentifier))
            .SetClaim(Claims.Name, session.FindFirstValue(TenantClaimsPrincipalFactory.DisplayNameClaim))
            .SetClaim(Claims.Email, session.FindFirstValue(ClaimTypes.Email) ?? session.FindFirstValue(ClaimTypes.Name))
            .SetClaim(Policies.TenantClaim, tenant.Id.ToString());
        identity.SetClaims(Claims.Role, [.. session.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        return identity;
    }
}
