using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// The outbox pump of this app instance: every poll interval it opens one SMTP connection and dispatches each active
/// tenant's due rows in that tenant's scope. Every instance runs one; SKIP LOCKED keeps them from sending a row twice.
/// </summary>
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
            // A full batch means more rows are waiting: send them now over the same connection instead of one batch
            // per poll interval (1,000 invitations took 20 intervals before; docs/performance.md). A fresh scope per
            // batch keeps the change tracker small.
            int batch;
            do
            {
                await using var scope = scopes.CreateScope(tenant.Id);
                scope.ServiceProvider.GetRequiredService<AuditActor>().Set("job:outbox");
                batch = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(smtp, ct);
                claimed += batch;
            } while (batch >= options.Value.BatchSize && !ct.IsCancellationRequested);
        }
        return claimed;
    }
}
