namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>The tenants this deployment serves, loaded and validated once from the tenants/ directory.</summary>
public sealed class TenantRegistry
{
    private readonly Dictionary<string, Tenant> _bySlug;
    private readonly Dictionary<Guid, Tenant> _byId;
    private readonly Dictionary<string, Tenant> _byHost;

    public TenantRegistry(IEnumerable<Tenant> tenants, string directory)
    {
        All = tenants.ToList();
        Directory = directory;
        _bySlug = All.ToDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);
        _byId = All.ToDictionary(t => t.Id);
        _byHost = All.SelectMany(t => t.Hosts.Select(h => (h, t))).ToDictionary(x => x.h, x => x.t, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where the registry was read from; tenant data files live in its sub-folders.</summary>
    public string Directory { get; }

    public IReadOnlyList<Tenant> All { get; }

    private volatile IReadOnlyDictionary<Guid, TenantState> _overrides = new Dictionary<Guid, TenantState>();

    /// <summary>The tenants whose effective state is active.</summary>
    public IEnumerable<Tenant> Active => All.Where(IsActive);

    /// <summary>The effective state: the platform administrator's override (tenant_states), else the file's.</summary>
    public TenantState StateOf(Tenant tenant) => _overrides.TryGetValue(tenant.Id, out var state) ? state : tenant.State;

    public bool IsActive(Tenant tenant) => StateOf(tenant) == TenantState.Active;

    /// <summary>Replaces the overrides with the database's (every instance refreshes them regularly).</summary>
    public void ApplyOverrides(IReadOnlyDictionary<Guid, TenantState> overrides) => _overrides = overrides;

    public Tenant? FindBySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    public Tenant? FindById(Guid id) => _byId.GetValueOrDefault(id);

    public Tenant? FindByHost(string host) => _byHost.GetValueOrDefault(host);

    public string TenantFolder(Tenant tenant) => Path.Combine(Directory, tenant.Slug);
}
