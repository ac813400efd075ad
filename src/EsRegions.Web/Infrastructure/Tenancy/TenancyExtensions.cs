using Microsoft.AspNetCore.Routing.Matching;

namespace EsRegions.Web.Infrastructure.Tenancy;

public static class TenancyExtensions
{
    /// <summary>
    /// Registers the tenant registry, loaded from tenants/ (Tenancy:Directory) when first resolved: Program resolves it
    /// before serving, so a broken file stops start-up with one message naming each file and JSON path.
    /// </summary>
    public static WebApplicationBuilder AddTenancy(this WebApplicationBuilder builder)
    {
        // Checked now as well, so that a broken file is the first thing an operator hears about.
        TenantRegistryLoader.Load(FindTenantsDirectory(builder.Configuration["Tenancy:Directory"], builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(sp => TenantRegistryLoader.Load(FindTenantsDirectory(
            sp.GetRequiredService<IConfiguration>()["Tenancy:Directory"], sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddSingleton<TenantScopeFactory>();
        builder.Services.AddSingleton<TenantDataLoading>();
        builder.Services.AddSingleton<MatcherPolicy, EndpointScopeMatcherPolicy>();
        return builder;
    }

    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>A route group that answers only on a tenant's URL (/{slug}/... or the tenant's host).</summary>
    public static RouteGroupBuilder MapTenantGroup(this IEndpointRouteBuilder endpoints, string prefix) =>
        endpoints.MapGroup(prefix).WithMetadata(new TenantScopedAttribute());

    /// <summary>A route group that answers only on the platform's URL, outside every tenant.</summary>
    public static RouteGroupBuilder MapPlatformGroup(this IEndpointRouteBuilder endpoints, string prefix) =>
        endpoints.MapGroup(prefix).WithMetadata(new PlatformScopedAttribute());

    internal static string FindTenantsDirectory(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tenants");
                if (File.Exists(Path.Combine(candidate, TenantRegistryLoader.RegistryFile))) return candidate;
            }
        }
        throw new TenantConfigurationException([$"No tenants/{TenantRegistryLoader.RegistryFile} found above {contentRoot}; set Tenancy:Directory."]);
    }
}
