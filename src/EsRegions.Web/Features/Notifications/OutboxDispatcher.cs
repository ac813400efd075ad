using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
    public async Task<int> DispatchAsync(ISmtpSender smtp, CancellationToken ct)
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
            return await DispatchOpenAsync(smtp, o, ct);
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

    private async Task<int> DispatchOpenAsync(ISmtpSender smtp, OutboxOptions o, CancellationToken ct)
    {
        var messages = await ClaimAsync(o, ct);
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
                foreach (var untried in messages.Skip(i)) untried.ReleaseClaim(retryAt);
                logger.LogWarning("SMTP server unavailable; {Count} message(s) wait until {RetryAt}", messages.Count - i, retryAt);
                await db.SaveChangesAsync(ct);
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
            await db.SaveChangesAsync(ct);
        }
        return messages.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(OutboxOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + o.Lease;
        var tenantId = tenant.Required.Id;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE outbox_messages SET state = 'Sending', lease_until = {leaseUntil}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE tenant_id = {tenantId}
                  AND ((state = 'Pending' AND next_attempt_at <= {now}) OR (state = 'Sending' AND lease_until < {now}))
                ORDER BY next_attempt_at
                LIMIT {o.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private static TimeSpan Backoff(int attempts, OutboxOptions o)
    {
        var exponential = o.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var jitter = 0.8 + Random.Shared.NextDouble() * 0.4;
        return TimeSpan.FromSeconds(Math.Min(exponential, 3600) * jitter);
    }
}
