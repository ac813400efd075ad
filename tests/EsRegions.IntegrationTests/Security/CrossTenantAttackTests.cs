using System.Net;
using System.Text;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EsRegions.IntegrationTests.Security;

/// <summary>
/// The first law under attack, for every route the app has (enumerated from its endpoint table, so a new module is
/// covered without touching this test): Małopolska's data — its plan, organisations and everything the other modules
/// load at start — is attacked by a Mazowsze user holding every role, (1) on Mazowsze's URLs with Małopolska's ids in
/// every id slot, with every method, and (2) on Małopolska's URLs. Nothing of Małopolska may come back, and nothing of
/// it may change.
/// </summary>
public sealed class CrossTenantAttackTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Victim = "malopolska";
    private const string Attacker = "mazowsze";
    private static readonly string AllRoles = string.Join(',', Policies.Roles.TenantAdmin, Policies.Roles.Staff,
        Policies.Roles.Secretary, Policies.Roles.Implementer, Policies.Roles.CommitteeMember);
    private static readonly HashSet<HttpStatusCode> Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
         HttpStatusCode.MethodNotAllowed, HttpStatusCode.Conflict, HttpStatusCode.UnsupportedMediaType,
         HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge];

    [Fact]
    public async Task Another_regions_user_with_every_role_gets_nothing_of_the_victims_data_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var victimIds = await VictimIdsAsync();
        Assert.True(victimIds.Values.Sum(ids => ids.Count) > 100, "the victim region has data loaded to attack");
        var allVictimIds = victimIds.Values.SelectMany(i => i).Select(i => i.ToString()).ToHashSet();
        var before = await VictimFingerprintAsync();
        var attacker = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        attacker.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.As(AllRoles, App.TenantId(Attacker)));

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in TenantRoutes())
        {
            foreach (var path in Substitutions(route.Pattern, victimIds))
            {
                foreach (var method in route.Methods)
                {
                    requests++;
                    // (1) The attacker's own region, the victim's ids.
                    var own = await SendAsync(attacker, method, $"/{Attacker}{path}", ct);
                    var body = await own.Content.ReadAsStringAsync(ct);
                    if (own.StatusCode == HttpStatusCode.InternalServerError)
                        failures.Add($"{method} /{Attacker}{path}: 500");
                    else if (!Refusals.Contains(own.StatusCode) && allVictimIds.FirstOrDefault(body.Contains) is { } leaked)
                        failures.Add($"{method} /{Attacker}{path}: {(int)own.StatusCode} returned the victim's id {leaked}");

                    // (2) The victim's URL with the attacker's credentials: refused unless the route is public.
                    if (route.Anonymous) continue;
                    var theirs = await SendAsync(attacker, method, $"/{Victim}{path}", ct);
                    if (theirs.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                        failures.Add($"{method} /{Victim}{path} as {Attacker}: {(int)theirs.StatusCode}");
                }
            }
        }

        Assert.True(requests > 200, $"only {requests} requests were tried");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests:\n" + string.Join('\n', failures.Distinct().Take(40)));
        var after = await VictimFingerprintAsync();
        Assert.Equal(before, after);
    }

    private sealed record Route(RoutePattern Pattern, IReadOnlyList<string> Methods, bool Anonymous);

    /// <summary>Every tenant-scoped endpoint: API routes, pages (GET and POST), feeds.</summary>
    private IEnumerable<Route> TenantRoutes()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<TenantScopedAttribute>() is not null)
            .Select(e => new Route(e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods.ToList() : ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.Metadata.GetMetadata<IAuthorizeData>() is null))
            .GroupBy(r => r.Pattern.RawText + string.Join(',', r.Methods))
            .Select(g => g.First());
    }

    /// <summary>The route with each parameter filled: ids with the victim's ids of the table its name suggests.</summary>
    private static IEnumerable<string> Substitutions(RoutePattern pattern, Dictionary<string, List<Guid>> victimIds)
    {
        var parameters = pattern.Parameters.Where(p => !p.IsCatchAll).ToList();
        var candidates = parameters.ToDictionary(p => p.Name, p => Candidates(p, victimIds));
        var count = Math.Min(40, candidates.Values.Select(c => c.Count).DefaultIfEmpty(1).Max());
        for (var i = 0; i < count; i++)
        {
            var values = candidates.ToDictionary(c => c.Key, c => c.Value[i % c.Value.Count]);
            var path = new StringBuilder();
            foreach (var segment in pattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart parameter => Uri.EscapeDataString(values.GetValueOrDefault(parameter.Name, "x")),
                        RoutePatternSeparatorPart separator => separator.Content,
                        _ => "",
                    });
            }
            yield return path.Length == 0 ? "/" : path.ToString();
        }
    }

    private static List<string> Candidates(RoutePatternParameterPart parameter, Dictionary<string, List<Guid>> victimIds)
    {
        var name = parameter.Name.ToLowerInvariant();
        var constraints = string.Join(',', parameter.ParameterPolicies.Select(p => p.Content));
        if (name == "id" || name.EndsWith("id") || constraints.Contains("guid"))
        {
            var stem = name == "id" ? "" : name[..^2];
            var related = victimIds.Where(t => stem.Length > 0 && t.Key.Replace("_", "").Contains(stem)).SelectMany(t => t.Value).ToList();
            var pool = related.Count > 0 ? related : victimIds.Values.SelectMany(i => i).ToList();
            // Spread over the tables: a few ids of each, in a fixed order.
            return pool.Where((_, i) => related.Count > 0 || i % 7 == 0).Select(g => g.ToString()).Take(40).ToList();
        }
        if (constraints.Contains("int") || name is "year") return ["2024"];
        if (name == "period") return ["2024", "2024-Q2"];
        if (name == "format") return ["json", "xlsx"];
        return ["x"];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request, ct);
    }

    /// <summary>Ids of every row of the victim, per table, read past row-level security as the superuser.</summary>
    private async Task<Dictionary<string, List<Guid>>> VictimIdsAsync()
    {
        var result = new Dictionary<string, List<Guid>>();
        await using var db = await OpenAsSuperuserAsync();
        foreach (var table in await TenantTablesAsync(db, withUuidId: true))
        {
            await using var cmd = new NpgsqlCommand($"SELECT id FROM \"{table}\" WHERE tenant_id = @t ORDER BY id LIMIT 200", db);
            cmd.Parameters.AddWithValue("t", App.TenantId(Victim));
            var ids = new List<Guid>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
            if (ids.Count > 0) result[table] = ids;
        }
        return result;
    }

    /// <summary>A digest of every victim row of every tenant table: any change anywhere changes it.</summary>
    private async Task<string> VictimFingerprintAsync()
    {
        var digest = new StringBuilder();
        await using var db = await OpenAsSuperuserAsync();
        foreach (var table in await TenantTablesAsync(db, withUuidId: false))
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t WHERE tenant_id = @t", db);
            cmd.Parameters.AddWithValue("t", App.TenantId(Victim));
            digest.Append(table).Append('=').Append(await cmd.ExecuteScalarAsync()).Append('\n');
        }
        return digest.ToString();
    }

    private async Task<NpgsqlConnection> OpenAsSuperuserAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection) { Database = App.Database.Name, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> TenantTablesAsync(NpgsqlConnection db, bool withUuidId)
    {
        var sql = """
            SELECT c.table_name FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
            """ + (withUuidId ? """
             AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'public'
                         AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid')
            """ : "") + " ORDER BY 1";
        await using var cmd = new NpgsqlCommand(sql, db);
        var tables = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
