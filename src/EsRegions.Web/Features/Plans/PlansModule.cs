using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans;

public static class PlansModule
{
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ITenantDataLoader, OrganisationRegisterLoader>();
        builder.Services.AddScoped<ITenantDataLoader, PlanFileLoader>();
        builder.Services.AddScoped<PlanWriter>();
        builder.Services.AddScoped<PlanExport>();
        builder.Services.AddScoped<PlanQueries>();
        builder.Services.AddScoped<PlanLifecycle>();
        return builder;
    }

    public static WebApplication MapPlans(this WebApplication app)
    {
        app.MapTenantApi().MapOrganisationsApi().MapPlansApi().MapPlanLifecycleApi();
        return app;
    }
}
