using System.Text.Json.Nodes;

namespace EsRegions.UnitTests.Features.Plans;

/// <summary>
/// tenants/plan.schema.json describes the plan files: every shipped plan file is valid against it, and it refuses what
/// the reader refuses (unknown properties, unknown kinds). The validator below covers the keywords the schema uses
/// (type, enum, required, properties, additionalProperties: false, items, $ref, minimum/maximum, minLength); no
/// JSON-schema package is available from our NuGet mirror.
/// </summary>
public sealed class PlanSchemaTests
{
    private static readonly string Tenants = FindTenants();
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Tenants, "plan.schema.json")))!;

    public static TheoryData<string> PlanFiles() =>
        new(Directory.GetFiles(Tenants, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "plans")
            .Select(f => Path.GetRelativePath(Tenants, f)));

    [Theory]
    [MemberData(nameof(PlanFiles))]
    public void Every_shipped_plan_file_is_valid_against_the_schema(string file)
    {
        var errors = Validate(Schema, JsonNode.Parse(File.ReadAllText(Path.Combine(Tenants, file))), "$");

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_refuses_an_unknown_property_a_wrong_kind_and_a_missing_title()
    {
        var plan = JsonNode.Parse("""
            { "kind": "yearly", "status": "draft", "extra": 1,
              "nodes": [ { "level": "goal", "code": "I", "title": "Cel", "actions": [ { "code": "1", "name": "D", "colour": "red" } ] } ] }
            """);

        var errors = Validate(Schema, plan, "$");

        Assert.Contains("$: missing title", errors);
        Assert.Contains("$.kind: not one of annual, multiYear", errors);
        Assert.Contains("$.extra: unknown property", errors);
        Assert.Contains("$.nodes[0].actions[0].colour: unknown property", errors);
    }

    private static List<string> Validate(JsonNode schema, JsonNode? value, string path)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            schema = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)Schema, (n, part) => n?[part])!;
        var errors = new List<string>();
        if (schema["enum"] is JsonArray allowed)
        {
            var text = value?.ToJsonString();
            if (!allowed.Any(a => a?.ToJsonString() == text))
                errors.Add($"{path}: not one of {string.Join(", ", allowed.Select(a => a!.GetValue<string>()))}");
            return errors;
        }
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        var actual = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.TryGetValue<string>(out _) => "string",
            JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
            JsonValue v when v.TryGetValue<long>(out _) => "integer",
            _ => "number",
        };
        if (types.Count > 0 && !types.Contains(actual) && !(actual == "integer" && types.Contains("number")))
            return [$"{path}: is {actual}, expected {string.Join(" or ", types)}"];
        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"]?.AsObject();
                foreach (var required in schema["required"] as JsonArray ?? [])
                    if (!obj.ContainsKey(required!.GetValue<string>())) errors.Add($"{path}: missing {required}");
                foreach (var (name, child) in obj)
                {
                    if (properties?[name] is { } childSchema) errors.AddRange(Validate(childSchema, child, $"{path}.{name}"));
                    else if (schema["additionalProperties"]?.GetValue<bool>() == false) errors.Add($"{path}.{name}: unknown property");
                }
                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++) errors.AddRange(Validate(items, array[i], $"{path}[{i}]"));
                break;
            case JsonValue v when actual == "string":
                if (schema["minLength"]?.GetValue<int>() is { } min && v.GetValue<string>().Length < min) errors.Add($"{path}: shorter than {min}");
                break;
            case JsonValue v when actual is "integer" or "number":
                var number = v.GetValue<decimal>();
                if (schema["minimum"]?.GetValue<decimal>() is { } lo && number < lo) errors.Add($"{path}: below {lo}");
                if (schema["maximum"]?.GetValue<decimal>() is { } hi && number > hi) errors.Add($"{path}: above {hi}");
                break;
        }
        return errors;
    }

    private static string FindTenants()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tenants", "plan.schema.json"))) return Path.Combine(dir.FullName, "tenants");
        throw new InvalidOperationException("tenants/plan.schema.json not found above " + AppContext.BaseDirectory);
    }
}
