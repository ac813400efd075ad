using EsRegions.Web.Infrastructure.Data;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>
/// A module's loader of the real data kept in tenants/&lt;slug&gt;/ (registers, plans, calendars). Loaders run in a
/// tenant scope, must be idempotent, and never overwrite what staff have changed in the application.
/// </summary>
public interface ITenantDataLoader
{
    Task LoadAsync(Tenant tenant, string folder, CancellationToken ct);
}

/// <summary>
/// A module's loader of platform-wide data kept beside the regions in tenants/ (e.g. the shared indicator catalogue).
/// Runs outside any tenant scope, before the tenants' loaders; must be idempotent.
/// </summary>
public interface IPlatformDataLoader
{
    Task LoadAsync(string tenantsDirectory, CancellationToken ct);
}

/// <summary>Runs every module's platform loader, then every module's loader for every tenant, each tenant in its own scope.</summary>
public sealed class TenantDataLoading(TenantRegistry registry, TenantScopeFactory scopes, IServiceScopeFactory platformScopes, ILogger<TenantDataLoading> logger)
{
    public async Task LoadAllAsync(CancellationToken ct = default)
    {
        await using (var platform = platformScopes.CreateAsyncScope())
        {
            platform.ServiceProvider.GetRequiredService<AuditActor>().Set("loader:platform-data");
            foreach (var loader in platform.ServiceProvider.GetServices<IPlatformDataLoader>())
                await loader.LoadAsync(registry.Directory, ct);
        }
        foreach (var tenant in registry.All)
        {
            await using var scope = scopes.CreateScope(tenant.Id);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set("loader:tenant-data");
            foreach (var loader in scope.ServiceProvider.GetServices<ITenantDataLoader>())
                await loader.LoadAsync(tenant, registry.TenantFolder(tenant), ct);
            logger.LogInformation("Tenant data loaded for {TenantSlug}", tenant.Slug);
        }
    }
}
