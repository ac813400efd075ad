using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>
/// Monitoring records who entered values, approved periods and published (by name): RODO export lists those records,
/// erasure replaces the name and keeps the values — only in the person's region.
/// </summary>
public sealed class MonitoringPersonalDataTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Email = "test.user@mazowsze.example";

    private async Task<(Guid PlanId, Guid IndicatorId)> ReportAsync(string slug)
    {
        var staff = ClientAs(Policies.Roles.Staff, slug); // recorded as "Test User"
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, slug);
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 90, comment = "Opóźnienie naboru" }, Ct)).EnsureSuccessStatusCode();
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/{slug}/api/v1/plans/{planId}/periods/2024/approve", null, Ct)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/{slug}/api/v1/plans/{planId}/report/2024/publish", null, Ct)).EnsureSuccessStatusCode();
        return (planId, indicators[0].Id);
    }

    private static IPersonalDataSource Source(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Name == "monitoring");

    [Fact]
    public async Task Export_lists_what_the_person_entered_approved_and_published_and_erasure_keeps_the_values_but_not_the_name()
    {
        var (planId, indicatorId) = await ReportAsync("mazowsze");
        var (lubelskiePlan, lubelskieIndicator) = await ReportAsync("lubelskie");
        await App.CreateTestSignInUserAsync(Email, "mazowsze");

        IReadOnlyList<object> export;
        int erased;
        await using (var scope = App.ScopeFor("mazowsze"))
        {
            var source = Source(scope);
            export = await source.ExportAsync(new PersonRef(" TEST.USER@mazowsze.example "), Ct);
            erased = await source.EraseAsync(new PersonRef(Email), Ct);
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(Ct);
        }

        // One value, two revisions, one approved period, one publication.
        Assert.Equal(5, export.Count);
        Assert.Equal(5, erased);
        var staff = ClientAs(Policies.Roles.Staff, "mazowsze");
        var history = (await staff.GetFromJsonAsync<JsonArray>($"/mazowsze/api/v1/indicators/{indicatorId}/values", Ct))!;
        Assert.All(history, r => Assert.Equal(PersonRef.ErasedLabel, (string?)r!["changedBy"]));
        Assert.Contains(history, r => (decimal?)r!["value"] == 90m && (string?)r["comment"] == "Opóźnienie naboru");
        var report = (await staff.GetFromJsonAsync<JsonObject>($"/mazowsze/api/v1/plans/{planId}/report?year=2024", Ct))!;
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(PersonRef.ErasedLabel), report.ToJsonString()); // as escaped in JSON
        Assert.DoesNotContain("Test User", report.ToJsonString());
        var periods = (await staff.GetFromJsonAsync<JsonArray>($"/mazowsze/api/v1/plans/{planId}/periods", Ct))!;
        Assert.Equal(PersonRef.ErasedLabel, (string?)periods.Single()!["approvedBy"]);
        // The same name in another region is another region's record: untouched.
        var lubelskie = ClientAs(Policies.Roles.Staff, "lubelskie");
        var other = (await lubelskie.GetFromJsonAsync<JsonArray>($"/lubelskie/api/v1/indicators/{lubelskieIndicator}/values", Ct))!;
        Assert.All(other, r => Assert.Equal("Test User", (string?)r!["changedBy"]));
        Assert.Equal("Test User", (string?)(await lubelskie.GetFromJsonAsync<JsonArray>($"/lubelskie/api/v1/plans/{lubelskiePlan}/periods", Ct))!.Single()!["approvedBy"]);
    }
}
