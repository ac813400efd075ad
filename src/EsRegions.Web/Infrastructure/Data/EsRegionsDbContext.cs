using System.Linq.Expressions;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. Tenant-owned rows are filtered by the named "Tenant" query filter of this instance's tenant
/// (no tenant: no rows), and SaveChanges stamps, checks and audits every change of tenant data.
/// </summary>
public sealed class EsRegionsDbContext(
    DbContextOptions<EsRegionsDbContext> options,
    TenantContext tenantContext,
    AuditActor actor,
    TimeProvider clock) : DbContext(options)
{
    public const string TenantFilter = "Tenant";

    /// <summary>The tenant this context reads and writes; Guid.Empty outside a tenant scope (matches nothing).</summary>
    public Guid CurrentTenantId { get; } = tenantContext.Tenant?.Id ?? Guid.Empty;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EsRegionsDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTenantId))),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, filter);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var entries = TenantWriteGuard.Check(ChangeTracker, CurrentTenantId);
        var audit = AuditWriter.Describe(entries, actor.Name, clock.GetUtcNow());
        AuditEntries.AddRange(audit);
    }
}
