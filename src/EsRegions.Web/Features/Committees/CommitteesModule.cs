using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Committees;

/// <summary>Committees and working groups, their members and terms, resolutions register, calls for members.</summary>
public static class CommitteesModule
{
    public static WebApplicationBuilder AddCommittees(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommitteeRegister>();
        builder.Services.AddScoped<ITenantDataLoader, CommitteeFileLoader>();
        // Calls name their committee by key: after the committees' loader.
        builder.Services.AddScoped<ITenantDataLoader, CallFileLoader>();
        builder.Services.AddScoped<MemberCalls>();
        builder.Services.AddScoped<IReminderAudience, PendingDecisionsAudience>();
        builder.Services.AddScoped<IReminderAudience, TermEndingAudience>();
        builder.Services.AddScoped<IPersonalDataSource, CallApplicationsPersonalData>();
        return builder;
    }

    public static WebApplication MapCommittees(this WebApplication app)
    {
        app.MapTenantApi().MapCommitteesApi().MapCallsApi();
        return app;
    }
}
