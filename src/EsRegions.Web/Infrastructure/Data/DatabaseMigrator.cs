using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// Applies migrations as the owner role, then grants the app role what it needs (data, never DDL), and refuses an
/// app role that could bypass row-level security.
/// </summary>
public sealed partial class DatabaseMigrator(IConfiguration configuration, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var owner = configuration.GetConnectionString("Owner")
            ?? throw new InvalidOperationException("ConnectionStrings:Owner (the migrations role) is not configured.");
        var appRole = AppRoleName();
        var options = new DbContextOptionsBuilder<EsRegionsDbContext>().UseEsRegionsNpgsql(owner).Options;
        await using (var db = new EsRegionsDbContext(options, new(), new(new HttpContextAccessor()), TimeProvider.System))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            logger.LogInformation("Applying {Count} migration(s) as the owner role", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(ct);
        Jobs.JobsExtensions.InstallSchema(connection);
        await using var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA public, {Jobs.JobsExtensions.Schema} TO {appRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, {Jobs.JobsExtensions.Schema} TO {appRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, {Jobs.JobsExtensions.Schema} TO {appRole};
            REVOKE ALL ON TABLE "__EFMigrationsHistory" FROM {appRole};
            """, connection);
        await grant.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Fails start-up when the app's role is a superuser, can bypass RLS, or owns tables (owners could disable it).</summary>
    public async Task VerifyAppRoleAsync(CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("App"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetBoolean(0) || reader.GetBoolean(1) || reader.GetInt64(2) > 0)
            throw new InvalidOperationException(
                "The app's database role must not be a superuser, have BYPASSRLS or own tables: row-level security would not hold. " +
                "Use a separate owner role for migrations (ConnectionStrings:Owner).");
    }

    private string AppRoleName()
    {
        var role = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("App")).Username
            ?? throw new InvalidOperationException("ConnectionStrings:App has no Username.");
        if (!RoleName().IsMatch(role)) throw new InvalidOperationException($"Unexpected app role name '{role}'.");
        return role;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex RoleName();
}
