using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EsRegions.IntegrationTests.Security;

/// <summary>
/// At least 10,000 generated bad requests over every operation of the published OpenAPI document (so every module's
/// API is covered as it is added): wrong types, missing and extra fields, huge strings, deep nesting, invalid dates,
/// periods and ids, unicode edge cases, wrong content types, broken and oversized bodies. The API may accept what is
/// valid, but it must never answer 500, and every 4xx must be RFC 9457 problem details.
/// </summary>
public sealed class ApiFuzzTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const int Target = 10_000;
    private const string Slug = "mazowsze";
    private static readonly string AllRoles = string.Join(',', Policies.Roles.TenantAdmin, Policies.Roles.Staff,
        Policies.Roles.Secretary, Policies.Roles.Implementer, Policies.Roles.CommitteeMember);

    private static readonly string[] NastyStrings =
    [
        "", " ", "\0", "\u0000null", "\ud83d\ude00 emoji", "e\u0301\u0301\u0301", "\u202eRTL override", "\ufeffBOM",
        "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "'; DROP TABLE plans; --", "../../etc/passwd",
        "%00%ff", "Zażółć gęślą jaźń", new string('ż', 70_000), "2026-02-30", "2026-13-01", "99999-01-01", "0000-00-00",
        "2024-Q5", "2024-Q0", "-1", "1e309", "NaN", "null", "true", "{}", "[]", "00000000-0000-0000-0000-000000000000",
    ];

    [Fact]
    public async Task Ten_thousand_malformed_requests_over_every_operation_get_problem_details_and_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.As(AllRoles, App.TenantId(Slug)));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", ct))!;
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 10, $"only {operations.Count} operations in the OpenAPI document");

        var random = new Random(20261123);
        var failures = new List<string>();
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        while (sent < Target)
        {
            foreach (var op in operations)
            {
                using var request = Mutate(op, document, random);
                var label = $"{request.Method} {Truncate(request.RequestUri!.ToString(), 160)} [{request.Content?.Headers.ContentType?.MediaType}]";
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add($"{label}: {ex.GetType().Name} {ex.Message}");
                    continue;
                }
                sent++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                    failures.Add($"{label}: {status} {Truncate(await response.Content.ReadAsStringAsync(ct))}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{label}: {status} without problem details ({response.Content.Headers.ContentType?.MediaType ?? "no body"})");
            }
        }

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} requests ({summary}):\n" + string.Join('\n', failures.GroupBy(f => f[..Math.Min(f.Length, 90)]).Select(g => g.First()).Take(40)));
        Assert.True(statuses.Keys.Any(s => s is 400 or 422), $"no request was refused as invalid ({summary})");
    }

    private sealed record Operation(string Method, string Path, JsonArray Parameters, JsonNode? BodySchema, string? BodyType);

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, op) in item!.AsObject())
        {
            if (method is "parameters" or "summary" or "description") continue;
            var parameters = new JsonArray();
            foreach (var p in (item["parameters"] as JsonArray ?? []).Concat(op!["parameters"] as JsonArray ?? []))
                parameters.Add(p!.DeepClone());
            var content = op!["requestBody"]?["content"]?.AsObject();
            var (type, schema) = content is null || content.Count == 0 ? (null, null) : (content.First().Key, content.First().Value?["schema"]);
            yield return new Operation(method.ToUpperInvariant(), path, parameters, schema, type);
        }
    }

    private HttpRequestMessage Mutate(Operation op, JsonNode document, Random random)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var p in op.Parameters)
        {
            var name = p!["name"]!.GetValue<string>();
            var schema = Resolve(p["schema"], document);
            var value = name == "slug" ? Slug : random.Next(3) == 0 ? Valid(schema, document, random, 0)?.ToJsonString().Trim('"') ?? "x" : Nasty(random);
            // A NUL in the path is refused by the test client itself (Kestrel answers 400 before the app sees it).
            if (p["in"]?.GetValue<string>() == "path") path = path.Replace("{" + name + "}", Uri.EscapeDataString(Short(value.Replace("\0", ""))));
            else if (p["in"]?.GetValue<string>() == "query" && random.Next(4) != 0) query.Add($"{name}={Uri.EscapeDataString(Short(value))}");
        }
        var request = new HttpRequestMessage(new HttpMethod(op.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (op.Method is "GET" or "DELETE" or "HEAD") return request;

        var schemaBody = Resolve(op.BodySchema, document);
        request.Content = random.Next(12) switch
        {
            0 => new StringContent("{", Encoding.UTF8, "application/json"),
            1 => new StringContent(Valid(schemaBody, document, random, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "text/plain"),
            2 => new StringContent("<plan><goal/></plan>", Encoding.UTF8, "application/xml"),
            3 => new StringContent(Deep(random.Next(64, 2000)), Encoding.UTF8, "application/json"),
            4 => new StringContent("{\"a\":\"" + new string('x', 5_000_000) + "\"}", Encoding.UTF8, "application/json"),
            5 => new StringContent(random.Next(3) switch { 0 => "null", 1 => "[]", _ => "\"tekst\"" }, Encoding.UTF8, "application/json"),
            6 => new ByteArrayContent([0xff, 0xfe, 0x00, 0xd8, 0x22]) { Headers = { { "Content-Type", "application/json" } } },
            7 => new StringContent("{}", Encoding.UTF8, "application/json"),
            _ => new StringContent(Broken(schemaBody, document, random).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return request;
    }

    /// <summary>A valid-looking body with one or more fields broken: wrong type, nasty value, missing, or extra.</summary>
    private static JsonNode Broken(JsonNode? schema, JsonNode document, Random random)
    {
        var body = Valid(schema, document, random, 0) ?? new JsonObject();
        if (body is not JsonObject obj || obj.Count == 0) return random.Next(2) == 0 ? Wrong(random) : body;
        var keys = obj.Select(p => p.Key).ToList();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var key = keys[random.Next(keys.Count)];
            switch (random.Next(4))
            {
                case 0: obj.Remove(key); break;
                case 1: obj[key] = Wrong(random); break;
                case 2: obj[key] = Nasty(random); break;
                default: obj["unexpected_" + random.Next(100)] = Wrong(random); break;
            }
        }
        return obj;
    }

    private static JsonNode? Valid(JsonNode? schema, JsonNode document, Random random, int depth)
    {
        schema = Resolve(schema, document);
        if (schema is null || depth > 6) return null;
        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count > 0) return Valid(oneOf[0], document, random, depth + 1);
        if (schema["anyOf"] is JsonArray anyOf && anyOf.Count > 0) return Valid(anyOf[0], document, random, depth + 1);
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue v => v.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Valid(p.Value, document, random, depth + 1)))),
            "array" => new JsonArray(Valid(schema["items"], document, random, depth + 1)),
            "integer" => JsonValue.Create(random.Next(2020, 2030)),
            "number" => JsonValue.Create(1234.5m),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T10:00:00+01:00",
                "email" => "fuzz@example.org",
                "uri" => "https://example.org/",
                _ => schema["enum"] is JsonArray e && e.Count > 0 ? e[0]!.GetValue<string>() : "Posiedzenie MKRES",
            }),
            _ => null,
        };
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode document)
    {
        for (var i = 0; i < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (node, part) => node?[part]);
        return schema;
    }

    private static JsonNode Wrong(Random random) => random.Next(6) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => new JsonObject { ["x"] = new JsonArray(1, "2", null) },
        2 => new JsonArray(new JsonArray(new JsonArray())),
        3 => JsonValue.Create(false),
        4 => JsonValue.Create(-1e300),
        _ => JsonValue.Create(Nasty(random))!,
    };

    private static string Nasty(Random random) => NastyStrings[random.Next(NastyStrings.Length)];

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

    private static string Truncate(string s, int length = 300) => s.Length > length ? s[..length] + "…" : s;

    private static string Short(string value) => value.Length > 2000 ? value[..2000] : value;
}
