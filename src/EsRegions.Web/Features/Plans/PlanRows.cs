using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>A plan with all its rows, read in four queries; shaped into the API tree or the plan document by the callers.</summary>
public sealed record PlanRows(Plan Plan, ILookup<Guid?, PlanNode> Children, ILookup<Guid, PlanAction> Actions, ILookup<Guid, Indicator> Indicators)
{
    public static async Task<PlanRows?> LoadAsync(EsRegionsDbContext db, Guid planId, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        var nodes = await db.Set<PlanNode>().Where(n => n.PlanId == planId).OrderBy(n => n.Position).ToListAsync(ct);
        var actions = await db.Set<PlanAction>().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(ct);
        var actionIds = actions.Select(a => a.Id).ToList();
        var indicators = await db.Set<Indicator>().Where(i => actionIds.Contains(i.ActionId)).OrderBy(i => i.Position).ToListAsync(ct);
        return new PlanRows(plan, nodes.ToLookup(n => n.ParentId), actions.ToLookup(a => a.NodeId), indicators.ToLookup(i => i.ActionId));
    }
}
