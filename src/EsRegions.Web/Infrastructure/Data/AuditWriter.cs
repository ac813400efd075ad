using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>Turns tracked changes of tenant data into audit rows saved in the same transaction.</summary>
internal static class AuditWriter
{
    public static IEnumerable<AuditEntry> Describe(IEnumerable<EntityEntry> entries, string actor, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            var tenantId = ((ITenantOwned)entry.Entity).TenantId;
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            var (action, oldValues, newValues) = entry.State switch
            {
                EntityState.Added => ("insert", null, Values(entry, p => p.CurrentValue, _ => true)),
                EntityState.Deleted => ("delete", Values(entry, p => p.OriginalValue, _ => true), null),
                _ => ("update", Values(entry, p => p.OriginalValue, p => p.IsModified), Values(entry, p => p.CurrentValue, p => p.IsModified)),
            };
            yield return new AuditEntry(tenantId, now, actor, entry.Metadata.ClrType.Name, key, action, oldValues, newValues);
        }
    }

    // Enums by name, as the database stores them ("Sent", not 2): the trail is read by people, and a number would change
    // meaning if the enum's members were ever reordered.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static string Values(EntityEntry entry, Func<PropertyEntry, object?> value, Func<PropertyEntry, bool> include) =>
        JsonSerializer.Serialize(entry.Properties.Where(include).ToDictionary(p => p.Metadata.Name, value), Json);
}
