using System.Security.Claims;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace EsRegions.Web.Infrastructure.Security;

/// <summary>
/// Authorization policies used by pages and endpoints. A tenant policy also requires that the signed-in user's
/// tenant claim is the tenant of the URL: a Mazowsze session never opens Małopolska's staff pages.
/// </summary>
public static class Policies
{
    public const string TenantStaff = nameof(TenantStaff);
    public const string TenantAdmin = nameof(TenantAdmin);
    /// <summary>Staff and committee secretaries of the URL's region: run committees, meetings and invitations.</summary>
    public const string CommitteeSecretariat = nameof(CommitteeSecretariat);
    /// <summary>Any signed-in member or integration client of the URL's region: the default of /{slug}/api/v1.</summary>
    public const string TenantApi = nameof(TenantApi);
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string TenantClaim = "tenant";

    public static class Roles
    {
        public const string TenantAdmin = nameof(TenantAdmin);
        public const string Staff = nameof(Staff);
        public const string Secretary = nameof(Secretary);
        public const string Implementer = nameof(Implementer);
        public const string CommitteeMember = nameof(CommitteeMember);
        public const string PlatformAdmin = nameof(PlatformAdmin);
    }

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        // Authentication itself (the Identity cookie) is set up by the Identity module.
        builder.Services.AddSingleton<IAuthorizationHandler, SameTenantHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(TenantStaff, p => p.RequireAuthenticatedUser()
                .RequireRole(Roles.Staff, Roles.TenantAdmin)
                .AddRequirements(new SameTenantRequirement()))
            .AddPolicy(CommitteeSecretariat, p => p.RequireAuthenticatedUser()
                .RequireRole(Roles.Staff, Roles.Secretary, Roles.TenantAdmin)
                .AddRequirements(new SameTenantRequirement()))
            .AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser()
                .RequireRole(Roles.TenantAdmin)
                .AddRequirements(new SameTenantRequirement()))
            .AddPolicy(TenantApi, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement()))
            .AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.PlatformAdmin));
        return builder;
    }

    /// <summary>The region's API (/{slug}/api/v1): tenant-scoped, and closed to anyone not of that region.</summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapTenantGroup("/api/v1").RequireAuthorization(TenantApi);

    public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();

    private sealed class SameTenantRequirement : IAuthorizationRequirement;

    private sealed class SameTenantHandler(IHttpContextAccessor http) : AuthorizationHandler<SameTenantRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameTenantRequirement requirement)
        {
            var tenant = http.HttpContext?.RequestServices.GetRequiredService<TenantContext>().Tenant;
            if (tenant is not null && context.User.HasClaim(TenantClaim, tenant.Id.ToString())) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string? TenantId(this ClaimsPrincipal user) => user.FindFirstValue(Policies.TenantClaim);
}
