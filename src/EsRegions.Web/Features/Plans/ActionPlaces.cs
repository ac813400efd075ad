using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>Where an action can stand: the plan's nodes of the level just above "action" (the intervention directions).</summary>
public static class ActionPlaces
{
    public static async Task<IReadOnlyList<(Guid Id, string Label)>> DirectionsAsync(EsRegionsDbContext db, TenantContext tenant, Guid planId, CancellationToken ct)
    {
        var levels = tenant.Required.Settings.PlanLevels;
        var level = levels[^2];
        var nodes = await db.Set<PlanNode>().Where(n => n.PlanId == planId).ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        string Path(PlanNode n) => n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? $"{Path(parent)} › {n.Code}" : n.Code;
        return nodes.Where(n => n.Level == level.Key)
            .Select(n => (n.Id, Label: $"{Path(n)}: {Truncate(n.Title)}"))
            .OrderBy(x => x.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static string Truncate(string s) => s.Length <= 90 ? s : s[..90] + "…";
}
