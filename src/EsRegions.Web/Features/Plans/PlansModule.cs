using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans;

public static class PlansModule
{
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ITenantDataLoader, OrganisationRegisterLoader>();
        return builder;
    }

    public static WebApplication MapPlans(this WebApplication app)
    {
        app.MapTenantApi().MapOrganisationsApi();
        return app;
    }
}
