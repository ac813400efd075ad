using System.Security.Claims;
using System.Text.Encodings.Web;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsRegions.IntegrationTests.Support;

/// <summary>
/// Signs a request in as "role@tenantId" from the X-Test-User header, so that staff pages can be tested before the
/// Identity module's login exists. Authorization (policies, tenant check) is the app's own and runs unchanged.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    /// <summary>Requests with the header use the test sign-in; all others the app's own bearer-or-cookie scheme.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddAuthentication("TestOrCookie")
            .AddScheme<AuthenticationSchemeOptions, TestSignIn>(SchemeName, _ => { })
            .AddPolicyScheme("TestOrCookie", "Test header or Identity cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(Header) ? SchemeName : EsRegions.Web.Features.Identity.IdentityModule.DefaultScheme);

    /// <summary>One role, or several separated by commas ("TenantAdmin,Staff,Secretary").</summary>
    public static string As(string role, Guid tenantId) => $"{role}@{tenantId}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var (role, tenant) = (value.ToString().Split('@')[0], value.ToString().Split('@')[1]);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "test-user"), new Claim(ClaimTypes.Name, "Test User"),
             new Claim(Policies.TenantClaim, tenant), .. role.Split(',').Select(r => new Claim(ClaimTypes.Role, r))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
