using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Notifications;

public sealed class OutboxDeliveryTests(PostgresServer postgres) : MailTestBase(postgres)
{
    [Fact]
    public async Task Mail_is_delivered_from_the_tenant_sender_with_text_html_absolute_link_and_deterministic_message_id()
    {
        await EnqueueAsync("malopolska", "test:delivery", "anna.nowak@example.org");

        await DispatchUntilIdleAsync();

        var mail = Assert.Single(await Mail!.EmailsAsync());
        var row = Assert.Single(await OutboxAsync("malopolska"));
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal("es@rops.krakow.pl", mail.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Equal("Posiedzenie MKRES", mail.GetProperty("subject").GetString());
        Assert.Contains("http://127.0.0.1:5080/malopolska/kalendarz", mail.GetProperty("text").GetString());
        Assert.Contains("href=\"http://127.0.0.1:5080/malopolska/kalendarz\"", mail.GetProperty("html").GetString());
        Assert.Contains("Regionalny Ośrodek Polityki Społecznej w Krakowie", mail.GetProperty("text").GetString());
        Assert.Contains($"Message-ID: <{row.Id:N}@malopolska.esregions>", await Mail.SourceAsync(mail.GetProperty("id").GetString()!), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mail_written_in_a_rolled_back_transaction_is_never_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = App.ScopeFor("mazowsze"))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync("test:rolled-back", new EmailAddress("x@example.org"),
                new EmailContent("Nie wysyłać", "tekst", "<p>tekst</p>"), ct);
            await db.SaveChangesAsync(ct);
            await tx.RollbackAsync(ct);
        }

        var claimed = await DispatchUntilIdleAsync();

        Assert.Equal(0, claimed);
        Assert.Empty(await OutboxAsync("mazowsze"));
        Assert.Empty(await Mail!.EmailsAsync());
    }

    [Fact]
    public async Task Same_idempotency_key_is_queued_once()
    {
        await EnqueueAsync("lubelskie", "test:once", "a@example.org");
        await EnqueueAsync("lubelskie", "test:once", "a@example.org");

        await DispatchUntilIdleAsync();

        Assert.Single(await OutboxAsync("lubelskie"));
        Assert.Single(await Mail!.EmailsAsync());
    }

    [Fact]
    public async Task A_list_queued_at_once_skips_keys_already_stored_repeated_in_the_list_or_erased_addresses()
    {
        await EnqueueAsync("lubelskie", "test:list:stored", "a@example.org");
        int added;
        await using (var scope = App.ScopeFor("lubelskie"))
        {
            var content = scope.ServiceProvider.GetRequiredService<EmailComposer>()
                .Compose(new EmailBody("Przypomnienie", ["Termin mija jutro."], new EmailAction("Szczegóły", "kalendarz")));
            added = await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAllAsync(
            [
                ("test:list:stored", new EmailAddress("a@example.org"), content),
                ("test:list:new", new EmailAddress("b@example.org"), content),
                ("test:list:new", new EmailAddress("b@example.org"), content),
                ("test:list:erased", new EmailAddress("usunieto-1@dane-usuniete.invalid"), content),
                ("test:list:other", new EmailAddress("c@example.org"), content),
            ], TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await DispatchUntilIdleAsync();

        Assert.Equal(2, added);
        Assert.Equal(["test:list:new", "test:list:other", "test:list:stored"],
            (await OutboxAsync("lubelskie")).Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await Mail!.EmailsAsync()).Count);
    }

    [Fact]
    public async Task Each_tenant_sends_only_its_own_rows_under_its_own_sender()
    {
        await EnqueueAsync("mazowsze", "test:t", "a@example.org");
        await EnqueueAsync("warmia-mazury", "test:t", "a@example.org");

        await DispatchUntilIdleAsync();

        var senders = (await Mail!.EmailsAsync()).Select(m => m.GetProperty("from")[0].GetProperty("address").GetString()).Order();
        Assert.Equal(["es@mcps-efs.pl", "es@rops.warmia.mazury.pl"], senders);
        Assert.Single(await OutboxAsync("mazowsze"));
    }
}
