using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>A plan with all its rows, read in four queries; shaped into the API tree or the plan document by the callers.</summary>
public sealed record PlanRows(Plan Plan, ILookup<Guid?, PlanNode> Children, ILookup<Guid, PlanAction> Actions, ILookup<Guid, Indicator> Indicators)
{
    /// <param name="readOnly">
    /// True for callers that only read the rows (the API tree, the export): the change tracker is skipped, which for a
    /// plan of 2,000 actions and 4,000 indicators is most of the request's CPU (docs/performance.md).
    /// </param>
    public static async Task<PlanRows?> LoadAsync(EsRegionsDbContext db, Guid planId, CancellationToken ct, bool readOnly = false)
    {
        IQueryable<T> Rows<T>() where T : class => readOnly ? db.Set<T>().AsNoTracking() : db.Set<T>();
        var plan = await Rows<Plan>().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        var nodes = await Rows<PlanNode>().Where(n => n.PlanId == planId).OrderBy(n => n.Position).ToListAsync(ct);
        var actions = await Rows<PlanAction>().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(ct);
        // By plan, not by a list of 2,000 action ids: one index range scan instead of an = ANY(array) probe per id.
        var indicators = await Rows<Indicator>()
            .Where(i => db.Set<PlanAction>().Any(a => a.Id == i.ActionId && a.PlanId == planId))
            .OrderBy(i => i.Position).ToListAsync(ct);
        return new PlanRows(plan, nodes.ToLookup(n => n.ParentId), actions.ToLookup(a => a.NodeId), indicators.ToLookup(i => i.ActionId));
    }
}
