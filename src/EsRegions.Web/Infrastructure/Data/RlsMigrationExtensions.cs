using Microsoft.EntityFrameworkCore.Migrations;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>Row-level security for tenant tables, written into migrations (the second wall behind the query filter).</summary>
public static class RlsMigrationExtensions
{
    public const string PolicyName = "tenant_isolation";
    private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    /// <summary>ENABLE + FORCE row-level security on a table with a tenant_id column and add the tenant policy.</summary>
    public static void EnableTenantIsolation(this MigrationBuilder migration, string table)
    {
        migration.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migration.Sql($"CREATE POLICY {PolicyName} ON {table} USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});");
    }

    public static void DisableTenantIsolation(this MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS {PolicyName} ON {table};");
        migration.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
    }
}
