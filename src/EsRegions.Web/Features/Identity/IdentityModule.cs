using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// Accounts (ASP.NET Core Identity) with per-region memberships, the sign-in cookie, and Data Protection keys kept
/// in PostgreSQL so that every app instance reads every other's cookies and antiforgery tokens.
/// </summary>
public static class IdentityModule
{
    public const string CookieName = "esr.auth";
    public const string DefaultScheme = "esr";

    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("EsRegions").PersistKeysToDbContext<EsRegionsDbContext>();
        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B); 12 characters, not all alike.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<EsRegionsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PolishIdentityErrors>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>();
        builder.Services.AddScoped<TenantClaimsPrincipalFactory>();
        // One default scheme: a bearer token when the request carries one (API clients), otherwise the session cookie.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = DefaultScheme;
                o.DefaultChallengeScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Bearer token or session cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIdServer.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        builder.AddOpenIdServer();
        builder.Services.ConfigureApplicationCookie(ConfigureCookie);
        builder.Services.AddScoped<DemoAccounts>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<TokenPruning>();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        // One session cookie for the whole site (the default would be the region's PathBase): the authorization
        // endpoint lives at /connect. The session's region is a claim, checked on every request.
        o.Cookie.Path = "/";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/konto/logowanie";
        o.LogoutPath = "/konto/wyloguj";
        o.AccessDeniedPath = "/error/403";
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        o.Events.OnValidatePrincipal = async ctx =>
        {
            await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            if (ctx.Principal is null) return;
            var tenant = ctx.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant;
            var claim = ctx.Principal.TenantId();
            // A session belongs to the region it was opened in: on another region's URL it is no session at all.
            // (On platform URLs such as /connect/authorize it stays, and the endpoint checks the region itself.)
            if (tenant is not null && claim is not null && claim != tenant.Id.ToString()) ctx.RejectPrincipal();
        };
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var wantsPage = HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.StartsWithSegments("/api");
        if (wantsPage && status == StatusCodes.Status401Unauthorized) ctx.Response.Redirect(ctx.RedirectUri);
        else ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapConnectEndpoints();
        return app;
    }

    /// <summary>Expired and revoked tokens and authorizations are removed daily.</summary>
    public static WebApplication ScheduleIdentityJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TokenPruning>(
            TokenPruning.RecurringJobId, p => p.PruneAsync(CancellationToken.None), Cron.Daily(3));
        return app;
    }

    public static async Task SeedDemoAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(CancellationToken.None);
    }
}
