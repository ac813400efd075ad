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

    public IEnumerable<Tenant> Active => All.Where(t => t.IsActive);

    public Tenant? FindBySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    public Tenant? FindById(Guid id) => _byId.GetValueOrDefault(id);

    public Tenant? FindByHost(string host) => _byHost.GetValueOrDefault(host);

    public string TenantFolder(Tenant tenant) => Path.Combine(Directory, tenant.Slug);
}
