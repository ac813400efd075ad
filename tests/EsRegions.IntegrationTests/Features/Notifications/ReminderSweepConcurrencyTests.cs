using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Notifications;

public sealed class ReminderSweepConcurrencyTests(PostgresServer postgres) : MailTestBase(postgres)
{
    [Fact]
    public async Task Two_hangfire_servers_sweeping_1000_due_reminders_send_each_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedDueRemindersAsync("mazowsze", 500);
        await SeedDueRemindersAsync("warmia-mazury", 500);
        var storage = App.Services.GetRequiredService<JobStorage>();
        var activator = new AspNetCoreJobActivator(App.Services.GetRequiredService<IServiceScopeFactory>());
        BackgroundJobServerOptions Server(string name) => new() { ServerName = name, WorkerCount = 4, Activator = activator };

        using (new BackgroundJobServer(Server("instance-a"), storage))
        using (new BackgroundJobServer(Server("instance-b"), storage))
        {
            var client = App.Services.GetRequiredService<IBackgroundJobClient>();
            for (var i = 0; i < 8; i++) client.Enqueue<ReminderSweeper>(s => s.SweepAllAsync(CancellationToken.None));
            var monitoring = storage.GetMonitoringApi();
            for (var i = 0; i < 300 && monitoring.SucceededListCount() < 8; i++) await Task.Delay(200, ct);
            // At least our 8; the recurring minutely sweep may run on these servers too, which is one more concurrent sweeper.
            Assert.True(monitoring.SucceededListCount() >= 8, $"{monitoring.SucceededListCount()} sweeps succeeded");
            Assert.Equal(0, monitoring.FailedCount());
        }
        await DispatchUntilIdleAsync(200);

        var rows = (await OutboxAsync("mazowsze")).Concat(await OutboxAsync("warmia-mazury")).ToList();
        Assert.Equal(1000, rows.Count);
        Assert.Equal(1000, rows.Select(r => r.IdempotencyKey).Distinct().Count());
        var delivered = (await Mail!.EmailsAsync()).Select(m => m.GetProperty("to")[0].GetProperty("address").GetString()).ToList();
        Assert.Equal(1000, delivered.Count);
        Assert.Equal(1000, delivered.Distinct().Count());
    }

    private async Task SeedDueRemindersAsync(string slug, int count)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var due = Clock.GetUtcNow().AddMinutes(-5);
        for (var i = 0; i < count; i++)
        {
            var request = new ReminderRequest("meeting", "Meeting", Guid.NewGuid(), $"Spotkanie {i}", new DateOnly(2026, 3, 9), null,
                [new EmailAddress($"{slug}-{i}@example.org")]);
            db.Add(new Reminder(request, request.Deadline, due, $"meeting:{slug}:{i}"));
        }
        await db.SaveChangesAsync();
        Assert.Equal(count, await db.Set<Reminder>().CountAsync(r => r.State == ReminderState.Scheduled));
    }
}
