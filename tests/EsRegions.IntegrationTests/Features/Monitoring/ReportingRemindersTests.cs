using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>Reminders of a reporting period's due date to implementers who have not reported, and escalation to staff.</summary>
public sealed class ReportingRemindersTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The clock starts on 2 March 2026; a 2026 plan's annual period is due on Tuesday 31 March 2026.
    private async Task<(Guid PlanId, List<Web.Features.Plans.IndicatorDto> Indicators, HttpClient Staff)> ArrangeAsync()
    {
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, "lubelskie", 2026);
        var owes = (await staff.GetFromJsonAsync<List<Web.Features.Plans.OrganisationDto>>("/lubelskie/api/v1/organisations", Ct))!
            .First(o => o.Kind == "SupportCentre").Id;
        await staff.PutAsJsonAsync($"/lubelskie/api/v1/indicators/{indicators[0].Id}/assignment", new { organisationId = owes }, Ct);
        await App.CreateImplementerAsync("owes@lublin.example", Password, "lubelskie", owes);
        await App.CreateUserAsync("rops@lublin.example", Password, "lubelskie", Policies.Roles.Staff);
        (await staff.PutAsJsonAsync($"/lubelskie/api/v1/plans/{planId}/periods/2026", new { dueOn = "2026-03-31" }, Ct)).EnsureSuccessStatusCode();
        return (planId, indicators, staff);
    }

    private async Task<int> SweepAtAsync(DateTimeOffset at)
    {
        Clock.Set(at);
        var sent = await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId("lubelskie"), Ct);
        await DispatchUntilIdleAsync();
        return sent;
    }

    [Fact]
    public async Task The_implementer_who_has_not_reported_is_reminded_before_the_due_date_and_staff_are_told_when_it_is_long_overdue()
    {
        await ArrangeAsync();

        await SweepAtAsync(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero)); // 14 days before
        var due = Assert.Single(await Mail!.EmailsAsync());
        Assert.Equal("owes@lublin.example", due.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.StartsWith("Przypomnienie: termin sprawozdania „2026 — Roczny plan działania 2026 (lubelskie)”", due.GetProperty("subject").GetString());

        await SweepAtAsync(new DateTimeOffset(2026, 4, 14, 8, 0, 0, TimeSpan.Zero)); // 14 days after: overdue ×2, escalation
        var mails = await Mail.EmailsAsync();
        var escalation = Assert.Single(mails, m => m.GetProperty("subject").GetString()!.StartsWith("Brak sprawozdania"));
        Assert.Equal("rops@lublin.example", escalation.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal(2, mails.Count(m => m.GetProperty("subject").GetString()!.StartsWith("Minął termin")));
    }

    [Fact]
    public async Task Once_the_value_is_entered_the_implementer_is_not_reminded_and_approval_cancels_the_rest()
    {
        var (planId, indicators, staff) = await ArrangeAsync();
        await staff.PutAsJsonAsync($"/lubelskie/api/v1/indicators/{indicators[0].Id}/values/2026", new { value = 100 }, Ct);

        await SweepAtAsync(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero));
        Assert.Empty(await Mail!.EmailsAsync());

        await staff.PostAsync($"/lubelskie/api/v1/plans/{planId}/periods/2026/approve", null, Ct);
        Assert.Equal(0, await SweepAtAsync(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero)));
        Assert.Empty(await Mail.EmailsAsync());
    }
}
