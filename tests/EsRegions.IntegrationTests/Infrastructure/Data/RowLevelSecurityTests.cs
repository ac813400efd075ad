using EsRegions.IntegrationTests.Support;
using Npgsql;

namespace EsRegions.IntegrationTests.Infrastructure.Data;

/// <summary>The second wall: PostgreSQL itself keeps tenants apart, whatever SQL the app's role sends.</summary>
public sealed class RowLevelSecurityTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Every_table_with_a_tenant_id_has_row_level_security_enabled_forced_and_a_policy()
    {
        var tables = await QueryAsync(App.Database.OwnerConnection, """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            """, r => (Table: r.GetString(0), Enabled: r.GetBoolean(1), Forced: r.GetBoolean(2), Policy: r.GetBoolean(3)));

        Assert.Contains(tables, t => t.Table == "organisations");
        Assert.Contains(tables, t => t.Table == "audit_entries");
        Assert.All(tables, t => Assert.True(t.Enabled && t.Forced && t.Policy, $"{t.Table}: RLS enabled={t.Enabled} forced={t.Forced} policy={t.Policy}"));
    }

    [Fact]
    public async Task App_role_is_neither_superuser_nor_bypassrls_nor_table_owner()
    {
        var role = (await QueryAsync(App.Database.AppConnection, """
            SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user)
            FROM pg_roles WHERE rolname = current_user
            """, r => (Super: r.GetBoolean(0), Bypass: r.GetBoolean(1), Owned: r.GetInt64(2)))).Single();

        Assert.False(role.Super);
        Assert.False(role.Bypass);
        Assert.Equal(0, role.Owned);
    }

    [Fact]
    public async Task Raw_sql_on_the_app_connection_without_a_tenant_sees_no_rows()
    {
        var count = await CountOrganisationsAsync(tenant: null);

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Raw_sql_on_the_app_connection_with_tenant_a_sees_only_a_rows()
    {
        var mazowsze = App.TenantId("mazowsze");

        var tenants = await QueryAsync(App.Database.AppConnection, "SELECT DISTINCT tenant_id FROM organisations", r => r.GetGuid(0), mazowsze);
        var total = await CountOrganisationsAsync(tenant: null, asOwnerWithoutRls: true);

        Assert.Equal([mazowsze], tenants);
        Assert.True(await CountOrganisationsAsync(mazowsze) < total, "the other tenants' organisations must exist and stay hidden");
    }

    [Fact]
    public async Task App_role_cannot_insert_a_row_for_another_tenant()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync(App.Database.AppConnection,
            $"INSERT INTO organisations (id, tenant_id, short_name, name, kind) VALUES (gen_random_uuid(), '{App.TenantId("malopolska")}', 'X', 'X', 'Other') RETURNING 1",
            r => r.GetInt32(0), App.TenantId("mazowsze")));

        Assert.Equal("42501", ex.SqlState); // new row violates row-level security policy
    }

    [Fact]
    public async Task App_role_cannot_switch_row_level_security_off()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            PostgresServer.ExecuteAsync(App.Database.AppConnection, "ALTER TABLE organisations DISABLE ROW LEVEL SECURITY"));

        Assert.Equal("42501", ex.SqlState); // must be owner of table
    }

    private async Task<long> CountOrganisationsAsync(Guid? tenant, bool asOwnerWithoutRls = false)
    {
        if (!asOwnerWithoutRls)
            return (await QueryAsync(App.Database.AppConnection, "SELECT count(*) FROM organisations", r => r.GetInt64(0), tenant)).Single();
        // The superuser bypasses RLS: the ground truth of how many rows exist in all.
        var super = new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name }.ConnectionString;
        return (await QueryAsync(super, "SELECT count(*) FROM organisations", r => r.GetInt64(0))).Single();
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> map, Guid? tenant = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (tenant is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
            set.Parameters.AddWithValue("t", tenant.Value.ToString());
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync()) result.Add(map(reader));
        return result;
    }
}
