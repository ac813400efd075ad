using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>Staff close a consultation before its planned end (10 April 2026): reminders and links follow the actual close.</summary>
public sealed class EarlyCloseTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    private const string Referent = "referent@rops.example";
    private static readonly DateTimeOffset ClosedAt = new(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Staff_hear_at_the_actual_close_and_not_again_at_the_planned_one()
    {
        var id = await OpenAndCloseEarlyAsync();

        await SweepAsync();
        await DispatchUntilIdleAsync();
        var staff = Assert.Single(await EmailsToAsync(Referent));
        Assert.Equal("Konsultacje „Projekt Rocznego Planu Działania 2027” zakończyły się", staff.GetProperty("subject").GetString());
        Assert.Contains($"/malopolska/konsultacje/{id}/uwagi", staff.GetProperty("text").GetString());

        Clock.Set(new DateTimeOffset(2026, 4, 11, 7, 0, 0, TimeSpan.Zero)); // the morning after the planned close
        await SweepAsync();
        await DispatchUntilIdleAsync();
        Assert.Single(await EmailsToAsync(Referent));
    }

    [Fact]
    public async Task Participants_get_no_reminder_of_the_deadline_that_is_gone()
    {
        await OpenAndCloseEarlyAsync();

        Clock.Set(new DateTimeOffset(2026, 4, 3, 7, 0, 0, TimeSpan.Zero)); // 7 days before the planned close, after 08:00 Warsaw
        await SweepAsync();
        Clock.Set(new DateTimeOffset(2026, 4, 9, 7, 0, 0, TimeSpan.Zero)); // 1 day before
        await SweepAsync();
        await DispatchUntilIdleAsync();

        Assert.Single(await EmailsToAsync("jan@gmina.example")); // the invitation only
        Assert.Single(await EmailsToAsync("anna@fundacja.example"));
        Assert.Equal([ReminderState.Cancelled, ReminderState.Cancelled],
            (await RemindersAsync(ConsultationReminders.ClosingKind)).Select(r => r.State));
    }

    [Fact]
    public async Task The_personal_links_expire_at_the_actual_close()
    {
        var path = "";
        await OpenAndCloseEarlyAsync(async () => path = await ReplyPathFromEmailAsync("jan@gmina.example"));

        var page = await Browser().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Ten link nie działa", await page.Content.ReadAsStringAsync(Ct));
        await using var scope = App.ScopeFor(Slug);
        var links = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<EmailLink>()
            .Where(l => l.Purpose == ConsultationLinks.Purpose).ToListAsync(Ct);
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(ClosedAt, l.ExpiresAt));
    }

    private async Task<Guid> OpenAndCloseEarlyAsync(Func<Task>? beforeClose = null)
    {
        await App.CreateUserAsync(Referent, "Haslo-123456!", Slug, Policies.Roles.Staff);
        var id = await OpenWithTwoParticipantsAsync();
        if (beforeClose is not null) await beforeClose();
        Clock.Set(ClosedAt);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostAsync($"/{Slug}/api/v1/consultations/{id}/close", null, Ct)).StatusCode);
        return id;
    }

    private async Task<List<Reminder>> RemindersAsync(string kind)
    {
        await using var scope = App.ScopeFor(Slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>().Where(r => r.Kind == kind).OrderBy(r => r.DueAt).ToListAsync(Ct);
    }

    private Task<int> SweepAsync() =>
        App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId(Slug), Ct);
}
