using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace EsRegions.IntegrationTests.Infrastructure.Data;

/// <summary>
/// Migration TermEndingAudience on a database with data, as the owner role (not a superuser, so row-level security
/// applies to it unless the migration lifts it): scheduled term-ending reminders drop the stored address and name their
/// audience rule; sent ones and other kinds stay as they were; Down gives the member's address back.
/// </summary>
public sealed class TermEndingAudienceMigrationTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Before = "20261206034548_ChangeNotifications";
    private const string Migration = "20261207023225_TermEndingAudience";
    private static readonly Guid Tenant = Guid.Parse("0c0ffee0-0000-4000-8000-0000000000aa");
    private static readonly Guid Committee = Guid.Parse("0c0ffee0-0000-4000-8000-0000000000bb");
    private static readonly Guid Member = Guid.Parse("0c0ffee0-0000-4000-8000-0000000000cc");
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await postgres.CreateDatabaseAsync();

    public async ValueTask DisposeAsync() => await postgres.DropDatabaseAsync(_database);

    [Fact]
    public async Task Scheduled_term_reminders_lose_the_stored_address_and_get_the_member_page_and_down_gives_it_back()
    {
        await MigrateAsync(Before);
        await ExecuteAsync($$"""
            SET app.tenant_id = '{{Tenant}}';
            INSERT INTO committees (id, tenant_id, name, kind, mandate, plan_priorities)
                VALUES ('{{Committee}}', '{{Tenant}}', 'Małopolski Komitet Rozwoju Ekonomii Społecznej', 'Committee', '', '{}');
            INSERT INTO committee_members (id, tenant_id, committee_id, full_name, email, institution, seat, role, term_from, term_to)
                VALUES ('{{Member}}', '{{Tenant}}', '{{Committee}}', 'Maria Wiśniewska', 'maria@owes.example', 'OWES', 'SupportCentre', 'Member', '2024-01-01', '2027-01-14');
            INSERT INTO reminders (id, tenant_id, kind, subject_type, subject_id, subject_title, link_path, deadline, due_at, occurrence_key, audience_rule, state, recipients)
            VALUES
              (gen_random_uuid(), '{{Tenant}}', 'termEnding', 'CommitteeMember', '{{Member}}', 'Maria Wiśniewska — MKRES', 'komitety/{{Committee}}', '2027-01-14', '2026-11-15 07:00+00', 'scheduled', 'explicit', 'Scheduled',
               '[{"Address": "rops@rops.krakow.pl", "Name": "ROPS"}, {"Address": "maria@owes.example", "Name": "Maria Wiśniewska"}]'),
              (gen_random_uuid(), '{{Tenant}}', 'termEnding', 'CommitteeMember', '{{Member}}', 'Maria Wiśniewska — MKRES', 'komitety/{{Committee}}', '2026-01-14', '2025-11-15 07:00+00', 'sent', 'explicit', 'Sent',
               '[{"Address": "maria@owes.example", "Name": "Maria Wiśniewska"}]'),
              (gen_random_uuid(), '{{Tenant}}', 'callDeadline', 'MemberCall', gen_random_uuid(), 'Nabór', 'komitety/nabory/1', '2027-01-14', '2027-01-11 07:00+00', 'call', 'explicit', 'Scheduled',
               '[{"Address": "rops@rops.krakow.pl", "Name": "ROPS"}]');
            """);

        await MigrateAsync(Migration);

        var after = await RemindersAsync();
        Assert.Equal(("committee-term-ending", $"komitety/{Committee}/czlonkowie/{Member}", 0), after["scheduled"]);
        Assert.Equal(("explicit", $"komitety/{Committee}", 1), after["sent"]);
        Assert.Equal(("explicit", "komitety/nabory/1", 1), after["call"]);

        await MigrateAsync(Before);

        var down = await RemindersAsync();
        Assert.Equal(("explicit", $"komitety/{Committee}", 1), down["scheduled"]);
        Assert.Equal(("explicit", "komitety/nabory/1", 1), down["call"]);
    }

    private async Task MigrateAsync(string target)
    {
        var options = new DbContextOptionsBuilder<EsRegionsDbContext>().UseEsRegionsNpgsql(_database.OwnerConnection).Options;
        await using var db = new EsRegionsDbContext(options, new(), new(new HttpContextAccessor()), TimeProvider.System);
        await db.GetService<IMigrator>().MigrateAsync(target, TestContext.Current.CancellationToken);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnection);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>By occurrence key: audience rule, link, how many stored recipients — read with the tenant set.</summary>
    private async Task<Dictionary<string, (string Rule, string Link, int Recipients)>> RemindersAsync()
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnection);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"""
            SET app.tenant_id = '{Tenant}';
            SELECT occurrence_key, audience_rule, link_path, recipients::text FROM reminders
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var result = new Dictionary<string, (string, string, int)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            result[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), JsonDocument.Parse(reader.GetString(3)).RootElement.GetArrayLength());
        return result;
    }
}
