using System.Text.Json;
using System.Text.Json.Nodes;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>Loads tenants/&lt;slug&gt;/organisations.json: adds organisations the register lacks, changes none.</summary>
internal sealed class OrganisationRegisterLoader(EsRegionsDbContext db) : ITenantDataLoader
{
    public const string FileName = "organisations.json";

    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return;
        var organisations = Read(path, $"tenants/{tenant.Slug}/{FileName}");
        var known = await db.Set<Organisation>().Select(o => o.ShortName).ToListAsync(ct);
        db.Set<Organisation>().AddRange(organisations.Where(o => !known.Contains(o.ShortName)));
        await db.SaveChangesAsync(ct);
    }

    internal static List<Organisation> Read(string path, string displayName)
    {
        var check = new JsonChecker(displayName);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new TenantConfigurationException([$"{displayName}: not valid JSON ({ex.Message})"]); }
        var list = check.Array(check.AsObject(root, "$", "organisations"), "$", "organisations");
        var result = new List<Organisation>();
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var p = $"$.organisations[{i}]";
            var o = check.AsObject(list[i], p, "shortName", "name", "kind");
            var shortName = check.String(o, p, "shortName");
            var name = check.String(o, p, "name");
            var kindText = check.String(o, p, "kind");
            if (kindText is not null && !Enum.TryParse<OrganisationKind>(kindText, ignoreCase: false, out _))
                check.Fail($"{p}.kind", $"'{kindText}' is not one of {string.Join(", ", Enum.GetNames<OrganisationKind>())}");
            else if (shortName is not null && name is not null && kindText is not null)
                result.Add(new Organisation(shortName, name, Enum.Parse<OrganisationKind>(kindText)));
        }
        foreach (var dup in result.GroupBy(o => o.ShortName).Where(g => g.Count() > 1))
            check.Fail("$.organisations", $"shortName '{dup.Key}' appears more than once");
        if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
        return result;
    }
}
