using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EsRegions.IntegrationTests.Features.Notifications;

/// <summary>
/// A backlog (a fan-out of invitations, a reminder sweep) is drained over Outbox:Connections SMTP connections side by
/// side, each claiming its own batches: every message goes out exactly once, and no more connections send at once
/// than configured.
/// </summary>
public sealed class OutboxConnectionsTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private readonly SendCounter _counter = new();

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = base.CreateFactory(database); // Outbox:BatchSize 100
        factory.Settings["Outbox:Connections"] = "3";
        factory.ReplaceServices = services => services.AddSingleton<Func<ISmtpSender>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SmtpOptions>>();
            return () => new CountingSender(new MailKitSmtpSender(options), _counter);
        });
        return factory;
    }

    [Fact]
    public async Task A_backlog_of_450_goes_out_in_one_pass_over_three_connections_at_once_each_message_once()
    {
        for (var i = 0; i < 450; i++) await EnqueueAsync("mazowsze", $"test:backlog:{i}", $"uczestnik{i}@example.org", $"Wiadomość {i}");

        var dispatcher = App.Services.GetRequiredService<OutboxDispatcherService>();
        var claimed = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(450, claimed);
        Assert.All(await OutboxAsync("mazowsze"), m => Assert.Equal(OutboxState.Sent, m.State));
        var emails = await Mail!.EmailsAsync();
        Assert.Equal(450, emails.Count);
        Assert.Equal(450, emails.Select(m => m.GetProperty("subject").GetString()).Distinct().Count());
        Assert.Equal(450, _counter.Sent);
        Assert.InRange(_counter.MostAtOnce, 2, 3);
    }

    [Fact]
    public async Task A_backlog_smaller_than_a_batch_uses_one_connection()
    {
        for (var i = 0; i < 40; i++) await EnqueueAsync("mazowsze", $"test:small:{i}", $"osoba{i}@example.org", $"Krótka {i}");

        Assert.Equal(40, await DispatchUntilIdleAsync());

        Assert.Equal(40, (await Mail!.EmailsAsync()).Count);
        Assert.Equal(1, _counter.MostAtOnce);
    }

    [Fact]
    public async Task One_claim_takes_at_most_a_batch_and_the_rest_stays_pending()
    {
        for (var i = 0; i < 250; i++) await EnqueueAsync("mazowsze", $"test:claim:{i}", $"adresat{i}@example.org", $"Partia {i}");

        int claimed;
        await using (var scope = App.ScopeFor("mazowsze"))
        await using (var smtp = App.Services.GetRequiredService<Func<ISmtpSender>>()())
            claimed = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(smtp, TestContext.Current.CancellationToken);

        Assert.Equal(100, claimed);
        var rows = await OutboxAsync("mazowsze");
        Assert.Equal(100, rows.Count(m => m.State == OutboxState.Sent));
        Assert.Equal(150, rows.Count(m => m.State == OutboxState.Pending));
        Assert.Equal(100, (await Mail!.EmailsAsync()).Count);
    }

    private sealed class SendCounter
    {
        private int _now;
        private int _most;
        private int _sent;
        public int MostAtOnce => Volatile.Read(ref _most);
        public int Sent => Volatile.Read(ref _sent);

        public void Begin()
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most) { }
        }

        public void End()
        {
            Interlocked.Decrement(ref _now);
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>The real sender (a real connection to MailDev), counting how many send at the same moment.</summary>
    private sealed class CountingSender(ISmtpSender inner, SendCounter counter) : ISmtpSender
    {
        public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
        {
            counter.Begin();
            try
            {
                // Long enough for the other connections' sends to overlap with this one if they run side by side.
                await Task.Delay(5, ct);
                return await inner.SendAsync(message, ct);
            }
            finally
            {
                counter.End();
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
