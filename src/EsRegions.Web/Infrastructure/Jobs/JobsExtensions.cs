using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Npgsql;

namespace EsRegions.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire on PostgreSQL in its own schema. The schema is created by the migrations step (as the owner role), never
/// by racing servers; the app's role only reads and writes it. Every app instance runs a server.
/// </summary>
public static class JobsExtensions
{
    public const string Schema = "hangfire";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        // The storage is this container's own: Hangfire's default registration hands out the process-wide static
        // JobStorage.Current, which would tie an app to whichever instance in the process configured Hangfire last.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = builder.Configuration.GetValue("Jobs:QueuePollInterval", TimeSpan.FromSeconds(1)),
            };
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("App")!;
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options, null), options);
        });
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.GetValue("Jobs:Server", true))
            builder.Services.AddHangfireServer(o =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 4);
                o.SchedulePollingInterval = builder.Configuration.GetValue("Jobs:SchedulePollingInterval", TimeSpan.FromSeconds(5));
            });
        return builder;
    }

    /// <summary>Creates or upgrades the Hangfire schema; run once by the migrations step, before any server starts.</summary>
    public static void InstallSchema(NpgsqlConnection ownerConnection) =>
        PostgreSqlObjectsInstaller.Install(ownerConnection, Schema);

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new PlatformAdminOnly()],
            DashboardTitle = "EsRegions — zadania w tle",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    /// <summary>Only a signed-in PlatformAdmin sees the dashboard (job arguments carry tenant ids).</summary>
    private sealed class PlatformAdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Security.Policies.Roles.PlatformAdmin);
    }
}
