using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>Turns a checked plan document into rows of the current tenant (saved by the caller).</summary>
public sealed class PlanWriter(EsRegionsDbContext db)
{
    /// <param name="parentPlanId">The multi-year plan the document's "parent" names, found by <see cref="PlanParents"/>.</param>
    public Plan Add(PlanDocument doc, string? sourceFile, Guid? parentPlanId = null)
    {
        var plan = new Plan(doc.Title, doc.Kind, doc.YearFrom, doc.YearTo, doc.Status, doc.Resolution, doc.Source, doc.Notes, sourceFile,
            doc.ResolutionUnknown);
        plan.BelongTo(parentPlanId);
        db.Add(plan);
        AddNodes(plan, doc.Nodes, parentId: null);
        return plan;
    }

    /// <summary>
    /// Replaces the plan's content with the document's (an adopted plan opens its next version first), including its
    /// link to a multi-year plan (<paramref name="parentPlanId"/>, resolved from the document's "parent").
    /// </summary>
    public async Task ReplaceAsync(Plan plan, PlanDocument doc, CancellationToken ct, Guid? parentPlanId = null)
    {
        plan.Revise(doc.Title, doc.Kind, doc.YearFrom, doc.YearTo, doc.Source, doc.Notes);
        plan.BelongTo(parentPlanId);
        var actionIds = await db.Set<PlanAction>().Where(a => a.PlanId == plan.Id).Select(a => a.Id).ToListAsync(ct);
        db.RemoveRange(await db.Set<Indicator>().Where(i => actionIds.Contains(i.ActionId)).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanAction>().Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanNode>().Where(n => n.PlanId == plan.Id).ToListAsync(ct));
        AddNodes(plan, doc.Nodes, parentId: null);
    }

    private void AddNodes(Plan plan, IReadOnlyList<NodeDocument> nodes, Guid? parentId)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            var node = new PlanNode(plan.Id, parentId, n.Level, n.Code, n.Title, i);
            db.Add(node);
            AddNodes(plan, n.Children, node.Id);
            for (var j = 0; j < n.Actions.Count; j++)
            {
                var a = n.Actions[j];
                var action = new PlanAction(plan.Id, node.Id, j, a.Code, a.Name, a.Description, a.Product, a.Budget,
                    TimeframeText.Parse(a.Timeframe, plan.YearFrom), a.Implementers, a.Coordinator, a.EngagedBodies);
                db.Add(action);
                for (var k = 0; k < a.Indicators.Count; k++)
                {
                    var ind = a.Indicators[k];
                    db.Add(new Indicator(action.Id, k, ind.Name, ind.Kind, ind.Value, ind.Unit, ind.Text, ind.Baseline, ind.CatalogueCode));
                }
            }
        }
    }
}
