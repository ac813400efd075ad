using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Committees;

/// <summary>Committees and working groups, their members and terms, resolutions register.</summary>
public static class CommitteesModule
{
    public static WebApplicationBuilder AddCommittees(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommitteeRegister>();
        builder.Services.AddScoped<ITenantDataLoader, CommitteeFileLoader>();
        return builder;
    }

    public static WebApplication MapCommittees(this WebApplication app)
    {
        app.MapTenantApi().MapCommitteesApi();
        return app;
    }
}
