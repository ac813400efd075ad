using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>The platform administrator's decision to suspend or re-activate a region, overriding tenants.json.</summary>
public sealed class TenantStateOverride : ISharedEntity
{
    /// <summary>The region's id (named Id, not TenantId: this is platform data about regions, not a region's own row).</summary>
    public Guid Id { get; private set; }
    public TenantState State { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";

    private TenantStateOverride() { }

    public TenantStateOverride(Guid regionId) => Id = regionId;

    public void Set(TenantState state, DateTimeOffset at, string by)
    {
        State = state;
        ChangedAt = at;
        ChangedBy = by;
    }
}

internal sealed class TenantStateOverrideConfiguration : IEntityTypeConfiguration<TenantStateOverride>
{
    public void Configure(EntityTypeBuilder<TenantStateOverride> b)
    {
        b.ToTable("tenant_states");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
    }
}

/// <summary>Keeps every instance's registry in step with tenant_states (at start, then every 15 seconds).</summary>
internal sealed class TenantStateRefresher(IServiceScopeFactory scopes, TenantRegistry registry, ILogger<TenantStateRefresher> logger) : BackgroundService
{
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        registry.ApplyOverrides(await db.Set<TenantStateOverride>().ToDictionaryAsync(o => o.Id, o => o.State, ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Region states could not be refreshed"); }
        }
    }
}
