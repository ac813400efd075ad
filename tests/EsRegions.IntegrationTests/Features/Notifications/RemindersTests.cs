using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Notifications;

public sealed class RemindersTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private static readonly Guid Consultation = Guid.Parse("0c0ffee0-0000-4000-8000-000000000001");

    private static ReminderRequest ClosingOn(DateOnly deadline) => new("consultationClosing", "Consultation", Consultation,
        "Roczny Plan Działania 2027", deadline, "konsultacje/1", [new EmailAddress("ngo@example.org", "Fundacja Przykład")]);

    [Fact]
    public async Task Occurrences_follow_the_tenant_lead_times_at_8_warsaw_and_a_saturday_deadline_moves_to_monday()
    {
        var scheduled = await InScope("mazowsze", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 14)), ct));

        Assert.Equal([new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 16)], scheduled.Select(r => r.Deadline));
        Assert.Equal([new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 15, 7, 0, 0, TimeSpan.Zero)],
            scheduled.Select(r => r.DueAt).Order());
    }

    [Fact]
    public async Task Occurrences_already_in_the_past_are_not_scheduled()
    {
        Clock.Set(new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero));

        var scheduled = await InScope("mazowsze", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 16)), ct));

        Assert.Equal([new DateTimeOffset(2026, 3, 15, 7, 0, 0, TimeSpan.Zero)], scheduled.Select(r => r.DueAt));
    }

    private static readonly Guid Member = Guid.Parse("0c0ffee0-0000-4000-8000-000000000002");

    // Mazowsze reminds 60 days before a term ends.
    private static ReminderRequest TermEndsOn(DateOnly deadline) => new("termEnding", "CommitteeMember", Member,
        "Jan Kowalski — MKRES", deadline, "komitety/1", [new EmailAddress("jan@example.org", "Jan Kowalski")]);

    [Fact]
    public async Task A_deadline_closer_than_every_lead_time_is_reminded_once_at_the_next_8_warsaw()
    {
        Clock.Set(new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero)); // Thursday 13:00 in Warsaw; the 60-day lead passed
        var tenant = App.TenantId("mazowsze");
        var sweeper = App.Services.GetRequiredService<ReminderSweeper>();
        var ct = TestContext.Current.CancellationToken;

        var scheduled = await InScope("mazowsze", (r, ct) => r.ScheduleAsync(TermEndsOn(new DateOnly(2026, 4, 1)), ct));

        Assert.Equal([new DateTimeOffset(2026, 3, 13, 7, 0, 0, TimeSpan.Zero)], scheduled.Select(r => r.DueAt));
        Clock.Set(new DateTimeOffset(2026, 3, 13, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await sweeper.SweepTenantAsync(tenant, ct));
        // Saved again with the same end (the secretariat corrected the member's institution): not sent a second time.
        Assert.Empty(await InScope("mazowsze", (r, ct) => r.RescheduleAsync(TermEndsOn(new DateOnly(2026, 4, 1)), ct)));
        Clock.Set(new DateTimeOffset(2026, 3, 20, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await sweeper.SweepTenantAsync(tenant, ct));
        await DispatchUntilIdleAsync();
        var mail = Assert.Single(await Mail!.EmailsAsync());
        Assert.Equal("Kończy się kadencja: Jan Kowalski — MKRES", mail.GetProperty("subject").GetString());
        Assert.Equal("jan@example.org", mail.GetProperty("to")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_deadline_today_after_8_is_reminded_at_once_and_a_passed_one_or_an_invitation_kind_not_at_all()
    {
        var now = new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero);
        Clock.Set(now);

        var today = await InScope("mazowsze", (r, ct) => r.ScheduleAsync(TermEndsOn(new DateOnly(2026, 3, 12)), ct));
        var passed = await InScope("malopolska", (r, ct) => r.ScheduleAsync(TermEndsOn(new DateOnly(2026, 3, 11)), ct));
        // A consultation opened two days before its close: the invitation has just given the date.
        var invitationKind = await InScope("lubelskie", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 13)) with { CatchUp = false }, ct));

        Assert.Equal([now], today.Select(r => r.DueAt));
        Assert.Empty(passed);
        Assert.Empty(invitationKind);
    }

    [Fact]
    public async Task Reminder_rescheduled_before_it_fires_is_sent_once_at_the_new_time()
    {
        var tenant = App.TenantId("malopolska");
        await InScope("malopolska", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 20)), ct));
        await InScope("malopolska", (r, ct) => r.RescheduleAsync(ClosingOn(new DateOnly(2026, 3, 27)), ct));
        var sweeper = App.Services.GetRequiredService<ReminderSweeper>();
        var ct = TestContext.Current.CancellationToken;

        Clock.Set(new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.Zero)); // the old "7 days before" time
        Assert.Equal(0, await sweeper.SweepTenantAsync(tenant, ct));
        Clock.Set(new DateTimeOffset(2026, 3, 20, 7, 30, 0, TimeSpan.Zero)); // the new one
        Assert.Equal(1, await sweeper.SweepTenantAsync(tenant, ct));
        Assert.Equal(0, await sweeper.SweepTenantAsync(tenant, ct));
        await DispatchUntilIdleAsync();

        var mail = Assert.Single(await Mail!.EmailsAsync());
        Assert.Equal("Przypomnienie: konsultacje „Roczny Plan Działania 2027” trwają do 27 marca 2026 r.", mail.GetProperty("subject").GetString());
        Assert.Equal("ngo@example.org", mail.GetProperty("to")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Cancelled_reminders_are_never_sent()
    {
        await InScope("lubelskie", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 20)), ct));
        await InScope("lubelskie", async (r, ct) => { await r.CancelAsync("Consultation", Consultation, ct: ct); return 0; });

        Clock.Set(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var sent = await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("lubelskie"), TestContext.Current.CancellationToken);

        Assert.Equal(0, sent);
        Assert.Empty(await OutboxAsync("lubelskie"));
    }

    [Fact]
    public async Task A_tenants_sweep_never_sends_another_tenants_reminders()
    {
        await InScope("mazowsze", (r, ct) => r.ScheduleAsync(ClosingOn(new DateOnly(2026, 3, 20)), ct));
        Clock.Set(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        var sent = await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("malopolska"), TestContext.Current.CancellationToken);

        Assert.Equal(0, sent);
        Assert.Empty(await OutboxAsync("mazowsze"));
    }

    private async Task<T> InScope<T>(string slug, Func<Reminders, CancellationToken, Task<T>> action)
    {
        await using var scope = App.ScopeFor(slug);
        var result = await action(scope.ServiceProvider.GetRequiredService<Reminders>(), TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync();
        return result;
    }
}
