using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans;

public static class PlansModule
{
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ITenantDataLoader, OrganisationRegisterLoader>();
        builder.Services.AddScoped<ITenantDataLoader, PlanFileLoader>();
        builder.Services.AddScoped<ITenantDataLoader, ScheduleFileLoader>(); // after the plans: a schedule may name its plan
        builder.Services.AddScoped<ScheduleQueries>();
        builder.Services.AddScoped<ScheduleReminders>();
        builder.Services.AddScoped<ScheduleAuthoring>();
        builder.Services.AddScoped<IReminderAudience, ScheduleTaskAudience>();
        builder.Services.AddScoped<PlanWriter>();
        builder.Services.AddScoped<PlanParents>();
        builder.Services.AddScoped<PlanExport>();
        builder.Services.AddScoped<PlanImport>();
        builder.Services.AddScoped<PlanQueries>();
        builder.Services.Configure<PlanTreeCache.Settings>(builder.Configuration.GetSection("Plans"));
        builder.Services.AddSingleton<PlanTreeCache>();
        builder.Services.AddSingleton<PlanPageCache>();
        builder.Services.AddScoped<PlanLifecycle>();
        return builder;
    }

    public static WebApplication MapPlans(this WebApplication app)
    {
        app.MapTenantApi().MapOrganisationsApi().MapPlansApi().MapPlanLifecycleApi().MapSchedulesApi();
        return app;
    }
}
