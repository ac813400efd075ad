using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Privacy;

/// <summary>
/// The audit trail keeps old and new values of every change, so an erased name or address would live on in
/// audit_entries. After an erasure (or a retention run) is saved, the values of the erased properties are replaced
/// by <see cref="PersonRef.ErasedLabel"/> in every audit entry of those rows — the entries themselves (who changed
/// what, when) stay. Deleted rows have every property but their ids redacted.
/// </summary>
public sealed class AuditRedaction(EsRegionsDbContext db)
{
    public sealed record Target(string Entity, string Key, string[] Properties);

    /// <summary>What the pending changes erase: call before SaveChanges, redact after it (same transaction).</summary>
    public IReadOnlyList<Target> Collect() =>
        db.ChangeTracker.Entries()
            .Where(e => e.Entity is ITenantOwned && e.State is EntityState.Modified or EntityState.Deleted
                        && !Attribute.IsDefined(e.Entity.GetType(), typeof(NotAuditedAttribute)))
            .Select(e => new Target(
                e.Metadata.ClrType.Name,
                string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                e.Properties
                    .Where(p => e.State == EntityState.Deleted ? !p.Metadata.Name.EndsWith("Id", StringComparison.Ordinal) : p.IsModified)
                    .Select(p => p.Metadata.Name).ToArray()))
            .Where(t => t.Properties.Length > 0)
            .ToList();

    public async Task<int> RedactAsync(IEnumerable<Target> targets, CancellationToken ct)
    {
        var rows = 0;
        foreach (var t in targets) rows += await RedactAsync(t.Entity, t.Key, t.Properties, ct);
        return rows;
    }

    public async Task<int> RedactAsync(string entity, string key, string[] properties, CancellationToken ct)
    {
        var label = PersonRef.ErasedLabel;
        return await db.Database.ExecuteSqlAsync($$"""
            UPDATE audit_entries SET
              old_values = CASE WHEN old_values IS NULL THEN NULL ELSE (
                SELECT COALESCE(jsonb_object_agg(j.key, CASE WHEN j.key = ANY({{properties}}) AND j.value <> 'null'::jsonb
                  THEN to_jsonb({{label}}::text) ELSE j.value END), '{}'::jsonb) FROM jsonb_each(old_values) j) END,
              new_values = CASE WHEN new_values IS NULL THEN NULL ELSE (
                SELECT COALESCE(jsonb_object_agg(j.key, CASE WHEN j.key = ANY({{properties}}) AND j.value <> 'null'::jsonb
                  THEN to_jsonb({{label}}::text) ELSE j.value END), '{}'::jsonb) FROM jsonb_each(new_values) j) END
            WHERE tenant_id = {{db.CurrentTenantId}} AND entity = {{entity}} AND entity_key = {{key}}
            """, ct);
    }
}
