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

/// <summary>Runs every module's loader for every tenant, each tenant in its own scope.</summary>
public sealed class TenantDataLoading(TenantRegistry registry, TenantScopeFactory scopes, ILogger<TenantDataLoading> logger)
{
    public async Task LoadAllAsync(CancellationToken ct = default)
    {
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
