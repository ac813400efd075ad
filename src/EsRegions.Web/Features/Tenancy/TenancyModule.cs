using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>The regions: registry (Infrastructure/Tenancy), platform start page, tenant home pages, GET /api/v1/tenants.</summary>
public static class TenancyModule
{
    public static WebApplicationBuilder AddTenancyModule(this WebApplicationBuilder builder) => builder.AddTenancy();

    public static WebApplication MapTenancy(this WebApplication app)
    {
        app.MapPlatformGroup("/api/v1").MapTenantsApi();
        return app;
    }
}
