using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;

namespace EsRegions.IntegrationTests.Features.Notifications;

public sealed class SmtpOutageTests(PostgresServer postgres) : MailTestBase(postgres)
{
    /// <summary>The SMTP server is down when the app starts: the app knows its port, MailDev is not there yet.</summary>
    protected override Task BeforeAppStartsAsync()
    {
        SmtpPort = FreePorts.Next();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Smtp_server_down_while_200_are_queued_loses_none_and_sends_none_twice()
    {
        for (var i = 0; i < 200; i++)
            await EnqueueAsync(i % 2 == 0 ? "mazowsze" : "lubelskie", $"test:outage:{i}", $"uczestnik{i}@example.org", $"Wiadomość {i}");

        await DispatchUntilIdleAsync();
        var whileDown = (await OutboxAsync("mazowsze")).Concat(await OutboxAsync("lubelskie")).ToList();
        Assert.Equal(200, whileDown.Count);
        Assert.All(whileDown, m => Assert.Equal(OutboxState.Pending, m.State));
        Assert.Contains(whileDown, m => m.LastResponse is not null); // the failure is recorded for staff

        Mail = await MailDev.StartAsync(SmtpPort);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken); // the circuit breaker's break (1 s) ends
        Clock.Advance(TimeSpan.FromHours(2));                                                 // every retry time has come
        await DispatchUntilIdleAsync();

        var after = (await OutboxAsync("mazowsze")).Concat(await OutboxAsync("lubelskie")).ToList();
        Assert.All(after, m => Assert.Equal(OutboxState.Sent, m.State));
        var subjects = (await Mail.EmailsAsync()).Select(m => m.GetProperty("subject").GetString()).ToList();
        Assert.Equal(200, subjects.Count);
        Assert.Equal(200, subjects.Distinct().Count());
    }
}

public sealed class RejectedRecipientTests(PostgresServer postgres) : MailTestBase(postgres)
{
    /// <summary>A real MailDev that demands authentication we do not give: it answers 530, a permanent 5xx error.</summary>
    protected override async Task BeforeAppStartsAsync()
    {
        Mail = await MailDev.StartAsync(null, "--incoming-user", "someone", "--incoming-pass", "secret");
        SmtpPort = Mail.SmtpPort;
    }

    [Fact]
    public async Task Permanent_5xx_answer_ends_failed_after_one_attempt_with_the_server_answer()
    {
        await EnqueueAsync("mazowsze", "test:rejected", "odrzucony@example.org");

        await DispatchUntilIdleAsync();

        var row = Assert.Single(await OutboxAsync("mazowsze"));
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("530", row.LastResponse);
        Assert.Empty(await Mail!.EmailsAsync());
    }
}
