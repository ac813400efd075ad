using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>
/// Reads tenants/tenants.json and every tenants/&lt;slug&gt;/tenant.json, checks them completely and either returns
/// the registry or throws <see cref="TenantConfigurationException"/> listing each error as "file: $.path: problem".
/// </summary>
public static partial class TenantRegistryLoader
{
    public const string RegistryFile = "tenants.json";
    public const string SettingsFile = "tenant.json";

    public static TenantRegistry Load(string directory)
    {
        var errors = new List<string>();
        var registryPath = Path.Combine(directory, RegistryFile);
        var root = Parse(registryPath, errors);
        var tenants = new List<Tenant>();
        if (root is not null)
        {
            var check = new JsonChecker(Display(directory, registryPath));
            var list = check.Array(check.AsObject(root, "$", "tenants"), "$", "tenants", minItems: 1);
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                var entry = ReadEntry(check, list[i], $"$.tenants[{i}]", out var slug);
                // A tenant.json is checked whenever its slug is readable, so one start reports every file's errors.
                var settings = slug is null ? null : LoadSettings(directory, slug, errors);
                if (entry is not null && settings is not null) tenants.Add(entry.Value.ToTenant(settings));
            }
            CheckUnique(check, tenants);
            errors.InsertRange(0, check.Errors);
        }
        if (errors.Count > 0) throw new TenantConfigurationException(errors);
        return new TenantRegistry(tenants, directory);
    }

    private static JsonNode? Parse(string path, List<string> errors)
    {
        if (!File.Exists(path)) { errors.Add($"{path}: file not found"); return null; }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new JsonException("the document is empty");
        }
        catch (JsonException ex)
        {
            errors.Add($"{path}: {ex.Path ?? "$"}: not valid JSON ({ex.Message.Split(" Path:")[0]})");
            return null;
        }
    }

    private readonly record struct Entry(Guid Id, string Slug, string Name, string NameEn, List<string> Hosts, TenantState State)
    {
        public Tenant ToTenant(TenantSettings settings) => new(Id, Slug, Name, NameEn, Hosts, State, settings);
    }

    private static Entry? ReadEntry(JsonChecker check, JsonNode? node, string path, out string? slug)
    {
        slug = null;
        var t = check.AsObject(node, path, "id", "slug", "name", "nameEn", "hosts", "state");
        if (t is null) return null;
        var id = check.String(t, path, "id", pattern: GuidPattern(), patternHint: "a GUID");
        slug = check.String(t, path, "slug", pattern: SlugPattern(), patternHint: "a slug of lower-case letters, digits and hyphens");
        var name = check.String(t, path, "name");
        var nameEn = check.String(t, path, "nameEn");
        var state = check.String(t, path, "state", pattern: StatePattern(), patternHint: "'active' or 'suspended'");
        var hosts = new List<string>();
        var hostArray = check.Array(t, path, "hosts", required: false);
        for (var i = 0; hostArray is not null && i < hostArray.Count; i++)
        {
            var host = hostArray[i] is JsonValue v && v.TryGetValue<string>(out var h) ? h : null;
            if (host is null || !HostPattern().IsMatch(host)) check.Fail($"{path}.hosts[{i}]", "must be a host name");
            else hosts.Add(host.ToLowerInvariant());
        }
        if (id is null || slug is null || name is null || nameEn is null || state is null) return null;
        return new Entry(Guid.Parse(id), slug, name, nameEn, hosts, state == "active" ? TenantState.Active : TenantState.Suspended);
    }

    private static TenantSettings? LoadSettings(string directory, string slug, List<string> errors)
    {
        var path = Path.Combine(directory, slug, SettingsFile);
        var node = Parse(path, errors);
        if (node is null) return null;
        var check = new JsonChecker(Display(directory, path));
        var settings = TenantSettingsReader.Read(check, node);
        errors.AddRange(check.Errors);
        return check.HasErrors ? null : settings;
    }

    private static void CheckUnique(JsonChecker check, List<Tenant> tenants)
    {
        foreach (var dup in tenants.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            check.Fail("$.tenants", $"id {dup.Key} is used by more than one tenant");
        foreach (var dup in tenants.GroupBy(t => t.Slug).Where(g => g.Count() > 1))
            check.Fail("$.tenants", $"slug '{dup.Key}' is used by more than one tenant");
        foreach (var dup in tenants.SelectMany(t => t.Hosts).GroupBy(h => h).Where(g => g.Count() > 1))
            check.Fail("$.tenants", $"host '{dup.Key}' is used by more than one tenant");
    }

    private static string Display(string directory, string path) =>
        Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), Path.GetRelativePath(directory, path));

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^(active|suspended)$")]
    private static partial Regex StatePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$")]
    private static partial Regex HostPattern();
}
