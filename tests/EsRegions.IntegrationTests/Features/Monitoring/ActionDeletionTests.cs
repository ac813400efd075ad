using System.Net;
using System.Net.Http.Json;
using System.Text;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>The action page says which indicators have reported values; deleting such an action needs a confirmation.</summary>
public sealed class ActionDeletionTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Slug = "warmia-mazury";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_an_action_with_reported_values_needs_a_confirmation_and_the_values_stay_stored()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug); // one client: the antiforgery cookie of the form must come back with the post
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, Slug);
        await PutValueAsync(staff, indicators[0].Id, "2024", 100);
        await PutValueAsync(staff, indicators[1].Id, "2024", 30);
        await PutValueAsync(staff, indicators[2].Id, "2024", 35);
        var url = await EditUrlAsync(staff, planId);
        var form = await staff.GetStringAsync(url, Ct);

        Assert.Contains("Wskaźniki tego działania mają przekazane wartości (3).", form);
        Assert.Equal(3, form.Split("Przekazane wartości tego wskaźnika: 1.").Length - 1); // the fourth indicator has none

        var unconfirmed = await staff.PostAsync(url + "?handler=Delete", Fields(form), Ct);
        var html = await unconfirmed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Wskaźniki tego działania mają przekazane wartości (3). Zaznacz, że usuwasz działanie mimo to.", html);
        Assert.Contains("Wsparcie tworzenia miejsc pracy w PS", html); // the edit form is shown as stored
        Assert.Single(await ActionsAsync(staff, planId));

        var stored = await StoredValuesAsync();
        var confirmed = await staff.PostAsync(url + "?handler=Delete", Fields(html, ("DeleteDespiteValues", "true")), Ct);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Empty(await ActionsAsync(staff, planId));
        Assert.True(stored >= 3);
        Assert.Equal(stored, await StoredValuesAsync());
    }

    private async Task<int> StoredValuesAsync()
    {
        await using var scope = App.ScopeFor(Slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<IndicatorValue>().CountAsync(Ct);
    }

    [Fact]
    public async Task An_action_without_reported_values_is_deleted_without_the_extra_confirmation()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (planId, _) = await MonitoringPlans.ImportAsync(staff, Slug);
        var url = await EditUrlAsync(staff, planId);
        var form = await staff.GetStringAsync(url, Ct);

        Assert.DoesNotContain("DeleteDespiteValues", form);
        Assert.DoesNotContain("Przekazane wartości", form);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url + "?handler=Delete", Fields(form), Ct)).StatusCode);
        Assert.Empty(await ActionsAsync(staff, planId));
    }

    [Theory]
    [InlineData("pl-PL", "Plan archiwalny nie może się zmieniać.")]
    [InlineData("en-GB", "An archived plan cannot change.")]
    public async Task An_archived_plans_action_is_not_deleted_and_the_page_says_why_in_its_language(string culture, string message)
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (planId, _) = await MonitoringPlans.ImportAsync(staff, Slug);
        (await staff.PostAsJsonAsync($"/{Slug}/api/v1/plans/{planId}/adoption",
            new AdoptionRequest("uchwała 9/2024 RKRES z dnia 12 września 2024 r.", "9/2024", "RKRES", new DateOnly(2024, 9, 12)), Ct)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/{Slug}/api/v1/plans/{planId}/archive", null, Ct)).EnsureSuccessStatusCode();
        var url = await EditUrlAsync(staff, planId) + $"?culture={culture}&ui-culture={culture}";
        var form = await staff.GetStringAsync(url, Ct);

        var response = await staff.PostAsync(url + "&handler=Delete", Fields(form), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Single(await ActionsAsync(staff, planId));
    }

    [Fact]
    public async Task Values_are_counted_after_the_plans_document_was_replaced_and_its_indicators_got_new_ids()
    {
        var staff = ClientAs(Policies.Roles.Staff, Slug);
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, Slug);
        await PutValueAsync(staff, indicators[1].Id, "2024", 33);
        var json = await staff.GetStringAsync($"/{Slug}/api/v1/plans/{planId}/export?format=json", Ct);
        (await staff.PutAsync($"/{Slug}/api/v1/plans/{planId}", new StringContent(json.Replace("Dotacje OWES", "Dotacje i doradztwo OWES"),
            Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        Assert.NotEqual(indicators[1].Id, (await MonitoringPlans.IndicatorsAsync(staff, Slug, planId))[1].Id);

        var form = await staff.GetStringAsync(await EditUrlAsync(staff, planId), Ct);

        Assert.Contains("Wskaźniki tego działania mają przekazane wartości (1).", form);
        Assert.Contains("Przekazane wartości tego wskaźnika: 1.", form);
    }

    private static async Task PutValueAsync(HttpClient staff, Guid indicatorId, string period, decimal value) =>
        (await staff.PutAsJsonAsync($"/{Slug}/api/v1/indicators/{indicatorId}/values/{period}", new { value }, Ct)).EnsureSuccessStatusCode();

    private static async Task<string> EditUrlAsync(HttpClient staff, Guid planId) =>
        $"/{Slug}/plany/{planId}/dzialania/{(await ActionsAsync(staff, planId)).Single().Id}/edycja";

    private static Task<List<ActionDto>> ActionsAsync(HttpClient client, Guid planId) => MonitoringPlans.ActionsAsync(client, Slug, planId);

    private static FormUrlEncodedContent Fields(string page, params (string Name, string Value)[] fields) => SignInClient.Form(page, fields);
}
