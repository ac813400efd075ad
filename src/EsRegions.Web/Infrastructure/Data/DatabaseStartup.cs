using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Infrastructure.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Before serving: migrate (Development, or `migrate` as a deploy step), check the app role cannot bypass
    /// row-level security, and load the tenants' data from tenants/.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrateOnly)
    {
        app.Services.GetRequiredService<TenantRegistry>(); // loads and validates tenants/ before anything else
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        if (migrateOnly || app.Configuration.GetValue("Database:MigrateOnStart", app.Environment.IsDevelopment()))
            await migrator.MigrateAsync();
        await migrator.VerifyAppRoleAsync();
        if (migrateOnly || app.Configuration.GetValue("Database:LoadTenantDataOnStart", true))
            await app.Services.GetRequiredService<TenantDataLoading>().LoadAllAsync();
    }
}
