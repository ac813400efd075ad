namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// A row that belongs to exactly one tenant. Reads are filtered by the "Tenant" query filter, writes are stamped and
/// checked in SaveChanges, and PostgreSQL row-level security guards the table (see RlsMigrationExtensions).
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>A row shared by every tenant (e.g. the indicator catalogue). Every entity is one or the other.</summary>
public interface ISharedEntity;

/// <summary>
/// Operational rows (outbox, reminders) whose state changes are machinery, not decisions: the audit trail skips them
/// so that it stays readable and every e-mail is not written twice.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
