namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>
/// The tenant of the current scope (HTTP request or background job). Set once, by tenant resolution or by
/// <see cref="TenantScopeFactory"/>, and never changed afterwards.
/// </summary>
public sealed class TenantContext
{
    public Tenant? Tenant { get; private set; }

    public bool HasTenant => Tenant is not null;

    /// <summary>The tenant; throws where code that needs one runs outside a tenant scope.</summary>
    public Tenant Required => Tenant ?? throw new InvalidOperationException("This operation needs a tenant scope.");

    internal void Set(Tenant tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
            throw new InvalidOperationException("The tenant of a scope cannot change.");
        Tenant = tenant;
    }
}

/// <summary>Opens a DI scope bound to one tenant: the only way background work reaches tenant data.</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes, TenantRegistry registry)
{
    public AsyncServiceScope CreateScope(Guid tenantId)
    {
        var tenant = registry.FindById(tenantId) ?? throw new InvalidOperationException($"Unknown tenant {tenantId}.");
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }
}
