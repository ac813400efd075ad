using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Plans;

/// <summary>
/// GET /plans/{id} is served from memory per plan revision (docs/performance.md) with an ETag: it must never answer
/// with a tree older than the plan, whoever changed the plan, and never to another region.
/// </summary>
public sealed class PlanTreeCacheTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private HttpClient Malopolska => ClientAs(Policies.Roles.Staff, "malopolska");

    [Fact]
    public async Task An_unchanged_plan_answers_304_to_its_etag_and_after_a_change_through_the_api_the_new_tree_with_a_new_etag()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, first) = await FirstAnswerAsync();

        var again = await GetAsync(id, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);

        var json = await Malopolska.GetStringAsync($"/malopolska/api/v1/plans/{id}/export?format=json", ct);
        var changed = json.Replace("\"name\": \"Kompleksowe szkolenia kadry CUS.\"", "\"name\": \"Kompleksowe szkolenia kadry CUS (zmienione).\"");
        Assert.NotEqual(json, changed);
        (await Malopolska.PutAsync($"/malopolska/api/v1/plans/{id}", new StringContent(changed, Encoding.UTF8, "application/json"), ct))
            .EnsureSuccessStatusCode();

        var after = await GetAsync(id, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
        var actions = Actions((await after.Content.ReadFromJsonAsync<PlanDto>(ct))!);
        Assert.Contains(actions, a => a.Name == "Kompleksowe szkolenia kadry CUS (zmienione).");
        Assert.DoesNotContain(actions, a => a.Name == "Kompleksowe szkolenia kadry CUS.");
    }

    [Fact]
    public async Task Writes_that_bypass_the_app_to_indicators_actions_and_nodes_each_change_the_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, first) = await FirstAnswerAsync();
        var tree = (await first.Content.ReadFromJsonAsync<PlanDto>(ct))!;
        var action = Actions(tree).First(a => a.Indicators.Count > 0);
        var tag = first.Headers.ETag;

        await SqlAsync($"UPDATE indicators SET name = 'Wskaźnik zmieniony poza aplikacją' WHERE id = {action.Indicators[0].Id}");
        var afterIndicator = await GetAsync(id, tag);
        Assert.Equal(HttpStatusCode.OK, afterIndicator.StatusCode);
        Assert.Contains(Actions((await afterIndicator.Content.ReadFromJsonAsync<PlanDto>(ct))!).SelectMany(a => a.Indicators),
            i => i.Name == "Wskaźnik zmieniony poza aplikacją");
        tag = afterIndicator.Headers.ETag;

        await SqlAsync($"DELETE FROM plan_actions WHERE id = {action.Id}");
        var afterDelete = await GetAsync(id, tag);
        Assert.Equal(HttpStatusCode.OK, afterDelete.StatusCode);
        Assert.DoesNotContain(Actions((await afterDelete.Content.ReadFromJsonAsync<PlanDto>(ct))!), a => a.Id == action.Id);
        tag = afterDelete.Headers.ETag;

        await SqlAsync($"UPDATE plan_nodes SET title = 'Cel zmieniony poza aplikacją' WHERE id = {tree.Nodes[0].Id}");
        var afterNode = await GetAsync(id, tag);
        Assert.Equal(HttpStatusCode.OK, afterNode.StatusCode);
        Assert.Equal("Cel zmieniony poza aplikacją", (await afterNode.Content.ReadFromJsonAsync<PlanDto>(ct))!.Nodes[0].Title);
        tag = afterNode.Headers.ETag;

        await SqlAsync($"UPDATE plans SET title = 'Plan zmieniony poza aplikacją' WHERE id = {id}");
        var afterPlan = await GetAsync(id, tag);
        Assert.Equal(HttpStatusCode.OK, afterPlan.StatusCode);
        Assert.Equal("Plan zmieniony poza aplikacją", (await afterPlan.Content.ReadFromJsonAsync<PlanDto>(ct))!.Title);
    }

    [Fact]
    public async Task Another_region_gets_404_for_a_cached_plan_even_with_its_etag()
    {
        var (id, first) = await FirstAnswerAsync();
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        foreach (var tag in new[] { first.Headers.ETag, null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/mazowsze/api/v1/plans/{id}");
            if (tag is not null) request.Headers.IfNoneMatch.Add(tag);
            var response = await mazowsze.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task One_statement_that_inserts_many_nodes_moves_the_plan_revision_once()
    {
        var (id, _) = await FirstAnswerAsync();
        var before = await RevisionAsync(id);

        await SqlAsync($"""
            INSERT INTO plan_nodes (id, tenant_id, plan_id, parent_id, level, code, title, position)
            SELECT gen_random_uuid(), p.tenant_id, p.id, NULL, 'Cel szczegółowy', 'X' || n, 'Cel dodany ' || n, 100 + n
            FROM plans p, generate_series(1, 50) n WHERE p.id = {id}
            """);

        Assert.Equal(before + 1, await RevisionAsync(id));
        var plan = await Malopolska.GetFromJsonAsync<PlanDto>($"/malopolska/api/v1/plans/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(50, plan!.Nodes.Count(n => n.Title.StartsWith("Cel dodany ", StringComparison.Ordinal)));
    }

    private async Task<(Guid Id, HttpResponseMessage First)> FirstAnswerAsync()
    {
        var plans = await Malopolska.GetFromJsonAsync<List<PlanSummaryDto>>("/malopolska/api/v1/plans", TestContext.Current.CancellationToken);
        var id = plans!.Single().Id;
        var first = await GetAsync(id, null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        return (id, first);
    }

    private async Task<HttpResponseMessage> GetAsync(Guid id, EntityTagHeaderValue? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/malopolska/api/v1/plans/{id}");
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await Malopolska.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>SQL as the app's role in Małopolska's scope (row-level security applies), not through any app code path.</summary>
    private async Task SqlAsync(FormattableString sql)
    {
        await using var scope = App.ScopeFor("malopolska");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        Assert.True(await db.Database.ExecuteSqlAsync(sql, TestContext.Current.CancellationToken) > 0, "the statement changed no row");
    }

    private async Task<long> RevisionAsync(Guid id)
    {
        await using var scope = App.ScopeFor("malopolska");
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Plan>()
            .Where(p => p.Id == id).Select(p => p.Revision).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static List<ActionDto> Actions(PlanDto plan)
    {
        IEnumerable<ActionDto> Walk(NodeDto n) => (n.Actions ?? []).Concat((n.Children ?? []).SelectMany(Walk));
        return plan.Nodes.SelectMany(Walk).ToList();
    }
}
