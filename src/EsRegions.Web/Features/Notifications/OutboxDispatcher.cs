using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.CircuitBreaker;

using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Notifications;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>First wait after a temporary failure; doubles with each attempt (with jitter), at most an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>SMTP connections one instance uses side by side to drain a tenant's backlog (1: one at a time).</summary>
    public int Connections { get; set; } = 4;
}

/// <summary>
/// Sends one tenant's due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several app
/// instances can dispatch at once and each row has one owner; a row whose owner died is claimed again when its
/// lease runs out. Each row's outcome is saved before the next is sent.
/// </summary>
public sealed class OutboxDispatcher(
    EsRegionsDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    [FromKeyedServices(SmtpResilience.PipelineKey)] ResiliencePipeline pipeline,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Returns how many rows were claimed (0: nothing due).</summary>
    /// <param name="claimed">Told how many rows were claimed, before the first is sent.</param>
    public async Task<int> DispatchAsync(ISmtpSender smtp, CancellationToken ct, Action<int>? claimed = null)
    {
        var o = options.Value;
        // One connection for the batch: each row's outcome is still its own commit, without a pool round trip and
        // the tenant session variable being set again for every row.
        //
        // Those commits do not wait for the WAL flush (synchronous_commit off, this connection only): a crash of
        // PostgreSQL itself can forget the last fraction of a second of "sent" marks, and those messages are sent
        // once more with the same Message-ID, as after an app crash (docs/chaos.md). No message is lost that way,
        // since the rows themselves were committed durably by the change that queued them. Waiting for the flush
        // cost ~3 ms per message, most of a fan-out's time (docs/performance.md).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = off", ct);
            return await DispatchOpenAsync(smtp, o, claimed, ct);
        }
        finally
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("RESET synchronous_commit", CancellationToken.None);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
            {
                // The connection is broken; it is not returned to the pool in that state.
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> DispatchOpenAsync(ISmtpSender smtp, OutboxOptions o, Action<int>? claimed, CancellationToken ct)
    {
        var messages = await ClaimAsync(o, ct);
        claimed?.Invoke(messages.Count);
        if (messages.Count == 0) return 0;
        await using var outcomes = await OutcomeWriter.PrepareAsync(db, tenant.Required.Id, ct);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            try
            {
                var response = await pipeline.ExecuteAsync(async t => await smtp.SendAsync(MimeBuilder.Build(message, tenant.Required), t), ct);
                message.MarkSent(clock.GetUtcNow(), response);
                AppMetrics.EmailsSent.Add(1, new KeyValuePair<string, object?>("tenant", tenant.Required.Slug));
            }
            catch (BrokenCircuitException)
            {
                var retryAt = clock.GetUtcNow() + o.BreakDuration;
                logger.LogWarning("SMTP server unavailable; {Count} message(s) wait until {RetryAt}", messages.Count - i, retryAt);
                foreach (var untried in messages.Skip(i))
                {
                    untried.ReleaseClaim(retryAt);
                    await outcomes.SaveAsync(untried, ct);
                }
                break;
            }
            catch (Exception ex) when (SmtpResilience.IsTransient(ex))
            {
                message.RetryLater(clock.GetUtcNow() + Backoff(message.Attempts, o), SmtpResilience.Describe(ex), o.MaxAttempts);
                AppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("tenant", tenant.Required.Slug), new KeyValuePair<string, object?>("kind", "transient"));
                logger.LogWarning("Outbox message {MessageId} attempt {Attempt} failed: {Error}", message.Id, message.Attempts, SmtpResilience.Describe(ex));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Fail(SmtpResilience.Describe(ex));
                AppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("tenant", tenant.Required.Slug), new KeyValuePair<string, object?>("kind", "permanent"));
                logger.LogError("Outbox message {MessageId} failed permanently: {Error}", message.Id, SmtpResilience.Describe(ex));
            }
            await outcomes.SaveAsync(message, ct);
        }
        return messages.Count;
    }

    /// <summary>
    /// Saves one claimed row's outcome (what <see cref="OutboxMessage"/>'s methods decided) with a statement prepared
    /// once per batch (kept prepared by the connection): no change tracking of the batch's rows, no SQL built per row.
    /// The outbox is not audited, and the row is the tenant's own (its condition here, and row-level security).
    /// </summary>
    private sealed class OutcomeWriter : IAsyncDisposable
    {
        private readonly NpgsqlCommand _command;

        private OutcomeWriter(NpgsqlCommand command) => _command = command;

        public static async Task<OutcomeWriter> PrepareAsync(EsRegionsDbContext db, Guid tenantId, CancellationToken ct)
        {
            var command = new NpgsqlCommand("""
                UPDATE outbox_messages SET state = $1, attempts = $2, next_attempt_at = $3, lease_until = $4, sent_at = $5, last_response = $6
                WHERE id = $7 AND tenant_id = $8
                """, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters =
                {
                    new() { NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { NpgsqlDbType = NpgsqlDbType.Integer },
                    new() { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new() { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new() { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new() { NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = tenantId },
                },
            };
            await command.PrepareAsync(ct);
            return new OutcomeWriter(command);
        }

        public async Task SaveAsync(OutboxMessage m, CancellationToken ct)
        {
            var p = _command.Parameters;
            p[0].Value = m.State.ToString();
            p[1].Value = m.Attempts;
            p[2].Value = m.NextAttemptAt;
            p[3].Value = (object?)m.LeaseUntil ?? DBNull.Value;
            p[4].Value = (object?)m.SentAt ?? DBNull.Value;
            p[5].Value = (object?)m.LastResponse ?? DBNull.Value;
            p[6].Value = m.Id;
            if (await _command.ExecuteNonQueryAsync(ct) != 1)
                throw new InvalidOperationException($"Outbox message {m.Id} was not found to save its outcome.");
        }

        // The statement stays prepared on the pooled connection, and the next batch on it finds it prepared already.
        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    /// <summary>
    /// Claims up to $3 rows of tenant $1 that are due at $2 with a lease until $4 and returns their ids.
    /// </summary>
    /// <remarks>
    /// The batch is chosen once, in materialised CTEs. As "WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)" the
    /// planner was free to run the sub-select again for each row it updated, and with SKIP LOCKED every run found other
    /// rows: one claim took all 450 rows of a backlog instead of 100, so one connection sent them all. Rows whose lease
    /// ran out (their sender died) come first; then due rows, read in the order of the index on
    /// (tenant_id, state, next_attempt_at) and stopping at n: with one condition joined by OR, every claim of a drain
    /// read, sorted and skipped all the pending rows. The chosen rows are updated by their keys (= ANY of an array):
    /// joined to the CTE, a table whose statistics said "empty" (a fresh database, a quiet region) was read whole for
    /// every claim, 0.4 s each during a fan-out of 1,000.
    ///
    /// The update names the tenant ($1) too, although row-level security alone would keep it to the tenant's rows.
    /// Without it the only tenant condition there was the policy's, and PostgreSQL estimates that with the value of
    /// app.tenant_id at planning time: the generic plan a pooled connection keeps after five claims, made while it
    /// claimed for a quiet region, expected one row per tenant, read every outbox row of Mazowsze through the
    /// (tenant_id, …) index and filtered them by id — 40-80 ms per claim with 58,000 sent rows kept, growing with the
    /// retained history (docs/performance.md). With $1 in the same equivalence class, the generic plan estimates it
    /// as any tenant's share and updates the chosen rows through the primary key (OutboxClaimTests).
    /// </remarks>
    internal const string ClaimSql = """
        WITH expired AS MATERIALIZED (
            SELECT id FROM outbox_messages
            WHERE tenant_id = $1 AND state = 'Sending' AND lease_until < $2
            ORDER BY next_attempt_at LIMIT $3
            FOR UPDATE SKIP LOCKED),
        due AS MATERIALIZED (
            SELECT id FROM outbox_messages
            WHERE tenant_id = $1 AND state = 'Pending' AND next_attempt_at <= $2
            ORDER BY next_attempt_at LIMIT $3
            FOR UPDATE SKIP LOCKED),
        batch AS (SELECT id FROM expired UNION ALL SELECT id FROM due LIMIT $3)
        UPDATE outbox_messages SET state = 'Sending', lease_until = $4, attempts = attempts + 1
        WHERE tenant_id = $1 AND id = ANY (ARRAY(SELECT id FROM batch))
        RETURNING id
        """;

    private async Task<List<OutboxMessage>> ClaimAsync(OutboxOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = new List<Guid>(o.BatchSize);
        await using (var claim = new NpgsqlCommand(ClaimSql, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = tenant.Required.Id },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now },
                new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = o.BatchSize },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now + o.Lease },
            },
        })
        await using (var reader = await claim.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }
        if (ids.Count == 0) return [];
        // Untracked: each outcome is saved by OutcomeWriter, not by the change tracker.
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private static TimeSpan Backoff(int attempts, OutboxOptions o)
    {
        var exponential = o.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var jitter = 0.8 + Random.Shared.NextDouble() * 0.4;
        return TimeSpan.FromSeconds(Math.Min(exponential, 3600) * jitter);
    }
}
