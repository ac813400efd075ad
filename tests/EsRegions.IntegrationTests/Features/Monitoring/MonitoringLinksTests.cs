using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>
/// Every link on the monitoring pages works whether the region is addressed by path (/lubelskie/…) or by its own host
/// name (lubelskie.localhost, tenants.json): the pages are crawled in both forms and every link followed.
/// </summary>
public sealed partial class MonitoringLinksTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> PublishAsync(string slug)
    {
        var staff = ClientAs(Policies.Roles.Staff, slug);
        var (planId, indicators) = await MonitoringPlans.ImportAsync(staff, slug);
        (await staff.PutAsJsonAsync($"/{slug}/api/v1/indicators/{indicators[0].Id}/values/2024", new { value = 120 }, Ct)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/{slug}/api/v1/plans/{planId}/report/2024/publish", null, Ct)).EnsureSuccessStatusCode();
        return planId;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Comparison_export_links_download_csv_and_xlsx_by_path_and_by_host_name(bool byHost)
    {
        await PublishAsync("mazowsze");
        var (client, prefix) = Region("lubelskie", byHost);

        var page = await GetStringAsync(client, byHost, $"{prefix}/monitoring/porownanie?wskaznik={MonitoringPlans.JobsCode}&od=2024&do=2024&region=mazowsze");
        var links = Hrefs(page).Where(h => h.Contains("handler=Export")).ToList();

        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith($"{prefix}/monitoring/porownanie?", l));
        var csv = await GetAsync(client, byHost, links.Single(l => l.EndsWith("format=csv")));
        var xlsx = await GetAsync(client, byHost, links.Single(l => l.EndsWith("format=xlsx")));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Województwo mazowieckie;2024;120", await csv.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_link_of_the_monitoring_pages_answers_by_path_and_by_host_name(bool byHost)
    {
        await PublishAsync("mazowsze");
        await PublishAsync("lubelskie");
        var (client, prefix) = Region("lubelskie", byHost);
        var seen = new HashSet<string>();
        var queue = new Queue<string>([$"{prefix}/monitoring", $"{prefix}/monitoring/porownanie?wskaznik={MonitoringPlans.JobsCode}&od=2024&do=2024"]);

        while (queue.Count > 0 && seen.Count < 60)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var response = await GetAsync(client, byHost, url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var href in Hrefs(await response.Content.ReadAsStringAsync(Ct)))
            {
                var absolute = href.StartsWith('?') ? url.Split('?')[0] + href : href;
                if (absolute.Contains("/monitoring") || absolute.Contains("/api/v1/")) queue.Enqueue(absolute);
            }
        }

        Assert.Contains(seen, s => s.Contains("/raport/2024"));
        Assert.Contains(seen, s => s.Contains("handler=Export"));
        Assert.All(seen, s => Assert.Equal(byHost, !s.StartsWith("/lubelskie/")));
    }

    private (HttpClient Client, string Prefix) Region(string slug, bool byHost) =>
        (ClientAs(Policies.Roles.Staff, slug), byHost ? "" : "/" + slug);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, bool byHost, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (byHost) request.Headers.Host = "lubelskie.localhost";
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string> GetStringAsync(HttpClient client, bool byHost, string url)
    {
        var response = await GetAsync(client, byHost, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static IEnumerable<string> Hrefs(string html) =>
        HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.StartsWith('/') || h.StartsWith('?'));

    [GeneratedRegex("href=\"([^\"#]+)\"")] private static partial Regex HrefPattern();
}
