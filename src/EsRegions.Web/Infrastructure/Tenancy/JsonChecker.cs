using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>
/// Walks a JSON document and records every problem with its JSON path, so that a broken configuration file is
/// reported in one go instead of one error per start. A small, explicit stand-in for a JSON Schema validator
/// (the JSON Schema packages are not in our package mirror). Messages are English templates (the API's and the
/// operator's language); the import page shows them in Polish through <see cref="FileCheckText"/>.
/// </summary>
public sealed partial class JsonChecker(string file)
{
    private readonly List<FileProblem> _problems = [];

    /// <summary>Every problem as "file: $.path: message", for operators.</summary>
    public IReadOnlyList<string> Errors => _problems.Select(p => $"{file}: {p.Where}: {p.Message}").ToList();

    /// <summary>Every problem by JSON path, for RFC 9457 "errors" (path → messages).</summary>
    public IDictionary<string, string[]> ErrorsByPath => FileProblem.ByPlace(_problems);

    /// <summary>Every problem with its message template, for a page that shows them in its own language.</summary>
    public IReadOnlyList<FileProblem> Problems => _problems;

    public bool HasErrors => _problems.Count > 0;

    /// <param name="template">An English message, with {0}… for <paramref name="args"/> (values from the file go there, not into the template).</param>
    public void Fail(string path, string template, params object?[] args) => _problems.Add(new FileProblem(path, template, args));

    public JsonObject? Object(JsonNode? parent, string path, string name, bool required = true, params string[] allowed)
    {
        var node = Member(parent, path, name, required, out var p);
        return node is null ? null : AsObject(node, p, allowed);
    }

    /// <summary>Checks that <paramref name="node"/> is an object with no properties outside <paramref name="allowed"/>.</summary>
    public JsonObject? AsObject(JsonNode? node, string path, params string[] allowed)
    {
        if (node is not JsonObject obj) { Fail(path, "must be an object"); return null; }
        if (allowed.Length > 0)
            foreach (var key in obj.Select(kv => kv.Key).Where(k => !allowed.Contains(k)))
                Fail($"{path}.{key}", "unknown property (allowed: {0})", string.Join(", ", allowed));
        return obj;
    }

    public JsonArray? Array(JsonNode? parent, string path, string name, bool required = true, int minItems = 0)
    {
        var node = Member(parent, path, name, required, out var p);
        if (node is null) return null;
        if (node is not JsonArray arr) { Fail(p, "must be an array"); return null; }
        if (arr.Count < minItems) Fail(p, "must have at least {0} item(s)", minItems);
        return arr;
    }

    public string? String(JsonNode? parent, string path, string name, bool required = true, Regex? pattern = null, string? patternHint = null)
    {
        var node = Member(parent, path, name, required, out var p);
        if (node is null) return null;
        if (node is not JsonValue v || !v.TryGetValue<string>(out var s)) { Fail(p, "must be a string"); return null; }
        if (required && string.IsNullOrWhiteSpace(s)) { Fail(p, "must not be empty"); return null; }
        if (pattern is not null && !pattern.IsMatch(s)) { Fail(p, "'{0}' is not {1}", s, patternHint ?? "valid"); return null; }
        return s;
    }

    public string? Email(JsonNode? parent, string path, string name, bool required = true) =>
        String(parent, path, name, required, EmailPattern(), "an e-mail address");

    public bool? Boolean(JsonNode? parent, string path, string name, bool required = true)
    {
        var node = Member(parent, path, name, required, out var p);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        Fail(p, "must be true or false");
        return null;
    }

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent or wrong.</summary>
    public int? Int(JsonNode? parent, string path, string name, int min, int max, bool required = false)
    {
        var node = Member(parent, path, name, required, out var p);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max) return n;
        Fail(p, "must be a whole number from {0} to {1}", min, max);
        return null;
    }

    public List<int> IntArray(JsonNode? parent, string path, string name, int min, int max)
    {
        var result = new List<int>();
        var arr = Array(parent, path, name, required: false);
        if (arr is null) return result;
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max) result.Add(n);
            else Fail($"{path}.{name}[{i}]", "must be a whole number from {0} to {1}", min, max);
        }
        return result;
    }

    private JsonNode? Member(JsonNode? parent, string path, string name, bool required, out string memberPath)
    {
        memberPath = $"{path}.{name}";
        if (parent is not JsonObject obj) return null;
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) Fail(memberPath, "is required");
            return null;
        }
        return node;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
