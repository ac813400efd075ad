using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// The outbox pump of this app instance: every poll interval (or at once when a commit here queued mail) it dispatches
/// each active tenant's due rows in that tenant's scope. Every instance runs one; SKIP LOCKED keeps them, and the
/// connections within one, from sending a row twice.
/// </summary>
/// <remarks>
/// A tenant's rows go out over one SMTP connection; when its first claim comes back full (a fan-out of invitations, a
/// reminder sweep), <see cref="OutboxOptions.Connections"/> connections drain the rest side by side, each claiming its
/// own batches, the others starting while the first sends its batch. An SMTP exchange is mostly waiting for the server,
/// so they share the cores well: 1,000 invitations went out several times faster than over one connection
/// (docs/performance.md). Each row's outcome is still saved before its connection sends the next, so an instance
/// killed mid-send re-sends at most one message per connection.
/// </remarks>
internal sealed class OutboxDispatcherService(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    Func<ISmtpSender> smtpFactory,
    IOptions<OutboxOptions> options,
    OutboxWakeUp wakeUp,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting: the rows wait, the next tick tries again.
                logger.LogError(ex, "Outbox dispatch cycle failed");
            }
            await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>One pass over every active tenant; returns the number of rows claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var claimed = 0;
        await using var smtp = smtpFactory();
        foreach (var tenant in registry.Active)
        {
            // When the first claim comes back full, more are waiting: the other connections start draining at once,
            // while this one sends its batch and then drains too.
            var helpers = new List<Task<int>>();
            void Claimed(int count)
            {
                if (count < options.Value.BatchSize || helpers.Count > 0 || ct.IsCancellationRequested) return;
                for (var i = 1; i < options.Value.Connections; i++) helpers.Add(DrainOnNewConnectionAsync(tenant.Id, ct));
            }
            try
            {
                claimed += await DrainAsync(tenant.Id, smtp, Claimed, ct);
            }
            finally
            {
                // Never leave a connection's drain running unobserved; its failure is this pass's failure.
                claimed += (await Task.WhenAll(helpers)).Sum();
            }
        }
        return claimed;
    }

    private async Task<int> DrainOnNewConnectionAsync(Guid tenantId, CancellationToken ct)
    {
        await using var smtp = smtpFactory();
        return await DrainAsync(tenantId, smtp, null, ct);
    }

    /// <summary>Batch after batch until one comes back short (nothing more is due for this tenant).</summary>
    /// <param name="firstClaimed">Told the size of the first claim, before its rows are sent.</param>
    private async Task<int> DrainAsync(Guid tenantId, ISmtpSender smtp, Action<int>? firstClaimed, CancellationToken ct)
    {
        var claimed = 0;
        int batch;
        do
        {
            batch = await DispatchBatchAsync(tenantId, smtp, claimed == 0 ? firstClaimed : null, ct);
            claimed += batch;
        } while (batch >= options.Value.BatchSize && !ct.IsCancellationRequested);
        return claimed;
    }

    /// <summary>One batch in a fresh scope (a small change tracker and a connection of its own).</summary>
    private async Task<int> DispatchBatchAsync(Guid tenantId, ISmtpSender smtp, Action<int>? claimed, CancellationToken ct)
    {
        await using var scope = scopes.CreateScope(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Set("job:outbox");
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(smtp, ct, claimed);
    }
}
