using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>The regions: registry (Infrastructure/Tenancy), platform start page, tenant home pages, GET /api/v1/tenants.</summary>
public static class TenancyModule
{
    public static WebApplicationBuilder AddTenancyModule(this WebApplicationBuilder builder)
    {
        builder.AddTenancy();
        builder.Services.AddSingleton<TenantStateRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TenantStateRefresher>());
        return builder;
    }

    /// <summary>Reads the platform administrator's region states before the first request.</summary>
    public static Task LoadTenantStatesAsync(this WebApplication app) =>
        app.Services.GetRequiredService<TenantStateRefresher>().RefreshAsync(CancellationToken.None);

    public static WebApplication MapTenancy(this WebApplication app)
    {
        app.MapPlatformGroup("/api/v1").MapTenantsApi();
        return app;
    }
}
