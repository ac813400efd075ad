using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Monitoring and comparison: reporting periods and indicator values per plan, the annual report, publication, the
/// shared indicator catalogue and the cross-region comparison of published values.
/// </summary>
public static class MonitoringModule
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IPlatformDataLoader, IndicatorCatalogueLoader>();
        services.AddScoped<IPlatformDataLoader, PopulationLoader>();
        services.AddScoped<MonitoringAccess>();
        services.AddScoped<ReportingProgress>();
        services.AddScoped<ReportingSchedule>();
        services.AddScoped<ValueEntry>();
        services.AddScoped<AnnualReport>();
        services.AddScoped<Publishing>();
        services.AddScoped<Comparison>();
        services.AddSingleton<ComparisonReference>();
        services.AddSingleton<ComparisonAnswers>();
        services.AddScoped<IPlanStatusSource, PlanStatusSource>();
        services.AddScoped<IReportedValues, ReportedValues>();
        services.AddScoped<IPersonalDataSource, MonitoringPersonalData>();
        services.AddScoped<IReminderAudience>(sp => new ReportingAudiences(sp.GetRequiredService<EsRegionsDbContext>(), ReportingAudiences.Implementers));
        services.AddScoped<IReminderAudience>(sp => new ReportingAudiences(sp.GetRequiredService<EsRegionsDbContext>(), ReportingAudiences.Staff));
        services.AddSingleton<IAuthorizationHandler, ComparisonApi.StaffOfAnyRegionHandler>();
        services.AddComparisonPolicy();
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapTenantApi().MapValuesApi().MapReportApi();
        app.MapPlatformGroup("/api/v1").MapComparisonApi();
        return app;
    }
}
