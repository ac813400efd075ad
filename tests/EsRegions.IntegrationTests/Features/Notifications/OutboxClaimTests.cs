using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using Npgsql;

namespace EsRegions.IntegrationTests.Features.Notifications;

/// <summary>
/// The dispatcher's claim must cost the same whether a tenant keeps a hundred sent messages or a year of them. Its plan
/// is looked at with EXPLAIN ANALYZE on a real PostgreSQL, both as planned for the claim's values and as the generic
/// plan a pooled connection switches to after five claims. That generic plan is made once, while the connection works
/// for whichever tenant it served then, and PostgreSQL estimates the row-level-security condition with that session's
/// tenant: planned for a quiet region, it looked as if the tenant had almost no rows.
/// </summary>
public sealed class OutboxClaimTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const int Batch = 50;

    [Fact]
    public async Task A_claim_reads_only_the_rows_it_claims_however_many_sent_rows_the_tenant_keeps()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = App.TenantId("mazowsze");
        // A tenant's retained history (sent long ago) and a fresh fan-out of 120 due rows, written as the superuser
        // (row-level security is not the subject here) and analysed, as autovacuum would.
        await PostgresServer.ExecuteAsync(new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name }.ConnectionString, $"""
            INSERT INTO outbox_messages (id, tenant_id, idempotency_key, to_address, subject, text_body, html_body, state, attempts,
                                         created_at, next_attempt_at, sent_at, last_response)
            SELECT gen_random_uuid(), '{tenant}', 'test:history:' || i, 'osoba' || i || '@example.org', 'Dawne zaproszenie',
                   repeat('t', 600), repeat('h', 1000), 'Sent', 1, now() - interval '30 days', now() - interval '30 days',
                   now() - interval '30 days', '250 OK'
            FROM generate_series(1, 6000) AS i;
            INSERT INTO outbox_messages (id, tenant_id, idempotency_key, to_address, subject, text_body, html_body, state, attempts,
                                         created_at, next_attempt_at)
            SELECT gen_random_uuid(), '{tenant}', 'test:fanout:' || i, 'zaproszony' || i || '@example.org', 'Zaproszenie',
                   repeat('t', 600), repeat('h', 1000), 'Pending', 0, now() - interval '1 minute', now() - interval '1 minute'
            FROM generate_series(1, 120) AS i;
            ANALYZE outbox_messages;
            """);

        foreach (var mode in new[] { "force_custom_plan", "force_generic_plan" })
        {
            // The connection claimed for Lubelskie (nothing due there) before it claims for Mazowsze.
            var plan = await ExplainClaimAsync(tenant, App.TenantId("lubelskie"), mode, ct);

            Assert.Equal(Batch, plan.GetProperty("Actual Rows").GetInt32());
            var scans = Descendants(plan).Where(n => n.TryGetProperty("Relation Name", out _) && n.GetProperty("Node Type").GetString()!.EndsWith("Scan")).ToList();
            Assert.NotEmpty(scans);
            Assert.All(scans, scan => Assert.True(RowsRead(scan) <= Batch,
                $"{mode}: {scan.GetProperty("Node Type").GetString()} of outbox_messages read {RowsRead(scan)} rows for a claim of {Batch}"));
        }
    }

    /// <summary>
    /// EXPLAIN ANALYZE of a claim for <paramref name="tenant"/> as the app role, on a connection that claimed for
    /// <paramref name="before"/> first, in a transaction rolled back afterwards; returns the top node.
    /// </summary>
    private async Task<JsonElement> ExplainClaimAsync(Guid tenant, Guid before, string planCacheMode, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(App.Database.AppConnection);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlCommand($"""
            SET LOCAL plan_cache_mode = {planCacheMode};
            PREPARE claim (uuid, timestamptz, integer, timestamptz) AS {OutboxDispatcher.ClaimSql};
            SELECT set_config('app.tenant_id', '{before}', true);
            EXECUTE claim('{before}', now(), {Batch}, now() + interval '5 minutes');
            SELECT set_config('app.tenant_id', '{tenant}', true);
            """, connection, tx))
            await setup.ExecuteNonQueryAsync(ct);
        await using var explain = new NpgsqlCommand(
            $"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE claim('{tenant}', now(), {Batch}, now() + interval '5 minutes')", connection, tx);
        var json = (string)(await explain.ExecuteScalarAsync(ct))!;
        await tx.RollbackAsync(ct);
        await using (var deallocate = new NpgsqlCommand("DEALLOCATE claim", connection)) await deallocate.ExecuteNonQueryAsync(ct);
        return JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone();
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement node)
    {
        if (!node.TryGetProperty("Plans", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
        {
            yield return child;
            foreach (var d in Descendants(child)) yield return d;
        }
    }

    /// <summary>Rows a scan fetched: those it returned and those it read and then filtered away, over all its loops.</summary>
    private static long RowsRead(JsonElement scan)
    {
        long Get(string name) => scan.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        return (Get("Actual Rows") + Get("Rows Removed by Filter") + Get("Rows Removed by Index Recheck")) * Math.Max(1, Get("Actual Loops"));
    }
}
