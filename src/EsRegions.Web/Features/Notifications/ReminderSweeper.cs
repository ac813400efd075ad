using System.Globalization;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// The recurring Hangfire job that turns due reminders into outbox e-mails. Due rows are claimed with
/// FOR UPDATE SKIP LOCKED inside a transaction that also writes the e-mails and marks the rows sent, so any number
/// of sweepers on any number of app instances send each reminder exactly once.
/// </summary>
public sealed class ReminderSweeper(TenantRegistry registry, TenantScopeFactory scopes, ILogger<ReminderSweeper> logger)
{
    public const string RecurringJobId = "reminders-sweep";
    private const int BatchSize = 200;

    public async Task SweepAllAsync(CancellationToken ct)
    {
        foreach (var tenant in registry.Active)
        {
            try { await SweepTenantAsync(tenant.Id, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reminder sweep failed for {TenantSlug}; the next sweep tries again", tenant.Slug);
            }
        }
    }

    /// <summary>Sends every due reminder of one tenant; returns how many reminders were sent.</summary>
    public async Task<int> SweepTenantAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateScope(tenantId);
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Set("job:" + RecurringJobId);
        var db = services.GetRequiredService<EsRegionsDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var composer = services.GetRequiredService<EmailComposer>();
        var outbox = services.GetRequiredService<Outbox>();
        var audiences = services.GetServices<IReminderAudience>().ToDictionary(a => a.Rule);
        var culture = CultureInfo.GetCultureInfo(services.GetRequiredService<TenantContext>().Required.Settings.Locale);
        var sent = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM reminders
                WHERE tenant_id = {tenantId} AND state = 'Scheduled' AND due_at <= {now}
                ORDER BY due_at LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            if (ids.Count == 0) return sent;
            var due = await db.Set<Reminder>().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
            var messages = new List<(string Key, EmailAddress To, EmailContent Content)>();
            foreach (var reminder in due)
            {
                var audience = audiences[reminder.AudienceRule];
                var recipients = await audience.ResolveAsync(reminder, ct);
                var shared = composer.Compose(ReminderTemplates.For(reminder, culture), culture);
                foreach (var recipient in recipients)
                {
                    var personal = await audience.PersonalBodyAsync(reminder, recipient, culture, ct);
                    var content = personal is null ? shared : composer.Compose(personal, culture);
                    messages.Add(($"reminder:{reminder.OccurrenceKey}:{recipient.Address.ToLowerInvariant()}", recipient, content));
                }
                reminder.MarkSent(now);
            }
            // One lookup of the batch's keys instead of one per message (docs/performance.md, reminder sweep).
            await outbox.EnqueueAllAsync(messages, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            sent += due.Count;
        }
    }
}
