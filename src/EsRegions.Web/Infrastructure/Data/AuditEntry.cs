using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>One insert, update or delete of tenant data: who, when, what, before and after.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? OldValues { get; private set; }
    public string? NewValues { get; private set; }

    private AuditEntry() { }

    public AuditEntry(Guid tenantId, DateTimeOffset occurredAt, string actor, string entity, string entityKey,
        string action, string? oldValues, string? newValues)
    {
        TenantId = tenantId;
        OccurredAt = occurredAt;
        Actor = actor;
        Entity = entity;
        EntityKey = entityKey;
        Action = action;
        OldValues = oldValues;
        NewValues = newValues;
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.OldValues).HasColumnType("jsonb");
        b.Property(x => x.NewValues).HasColumnType("jsonb");
        b.HasIndex(x => new { x.TenantId, x.Entity, x.EntityKey });
        b.HasIndex(x => new { x.TenantId, x.OccurredAt });
    }
}
