using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Support;

/// <summary>The app with a real MailDev as its SMTP server and a clock the test moves.</summary>
public abstract class MailTestBase(PostgresServer postgres) : AppTestBase(postgres)
{
    protected MailDev? Mail { get; set; }
    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    /// <summary>The SMTP port the app is configured with (MailDev may start on it later, to play "server down").</summary>
    protected int SmtpPort { get; set; }

    protected override async Task BeforeAppStartsAsync()
    {
        Mail = await MailDev.StartAsync();
        SmtpPort = Mail.SmtpPort;
    }

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = new EsRegionsAppFactory(database) { Clock = Clock };
        factory.Settings["Smtp:Port"] = SmtpPort.ToString();
        factory.Settings["Smtp:Timeout"] = "00:00:05";
        factory.Settings["Outbox:BreakDuration"] = "00:00:01";
        factory.Settings["Outbox:BatchSize"] = "100";
        return factory;
    }

    protected override async ValueTask AfterAppStoppedAsync()
    {
        if (Mail is not null) await Mail.DisposeAsync();
    }

    /// <summary>Writes one e-mail through the tenant's outbox and commits it.</summary>
    protected async Task EnqueueAsync(string slug, string key, string to, string subject = "Posiedzenie MKRES")
    {
        await using var scope = App.ScopeFor(slug);
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(key, new EmailAddress(to, "Jan Kowalski"),
            composer.Compose(new EmailBody(subject, ["Zapraszamy na posiedzenie."], new EmailAction("Szczegóły", "kalendarz"))));
        await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync();
    }

    /// <summary>Runs dispatch passes, as the background service does, until nothing more is claimed.</summary>
    protected async Task<int> DispatchUntilIdleAsync(int maxPasses = 50)
    {
        var dispatcher = App.Services.GetRequiredService<OutboxDispatcherService>();
        var total = 0;
        for (var i = 0; i < maxPasses; i++)
        {
            var claimed = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);
            if (claimed == 0) return total;
            total += claimed;
        }
        return total;
    }

    protected async Task<List<OutboxMessage>> OutboxAsync(string slug)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        return [.. db.Set<OutboxMessage>().OrderBy(m => m.CreatedAt)];
    }
}
