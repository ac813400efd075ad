using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// The write half of tenant isolation: a new tenant row gets the scope's tenant, and any write outside a tenant
/// scope, to another tenant's row, or that moves a row between tenants is refused before it reaches the database.
/// </summary>
internal static class TenantWriteGuard
{
    public static List<EntityEntry> Check(ChangeTracker tracker, Guid tenantId)
    {
        var changed = tracker.Entries()
            .Where(e => e.Entity is ITenantOwned && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            if (tenantId == Guid.Empty)
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} was changed outside a tenant scope.");
            var property = entry.Property(nameof(ITenantOwned.TenantId));
            var current = (Guid)property.CurrentValue!;
            if (entry.State == EntityState.Added && current == Guid.Empty)
            {
                property.CurrentValue = tenantId;
                continue;
            }
            if (current != tenantId || (entry.State != EntityState.Added && (Guid)property.OriginalValue! != tenantId))
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} belongs to another tenant.");
        }
        return changed.Where(e => e.Entity is not AuditEntry && !Attribute.IsDefined(e.Entity.GetType(), typeof(NotAuditedAttribute))).ToList();
    }
}

public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
