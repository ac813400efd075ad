using EsRegions.Web.Infrastructure.Data;

namespace EsRegions.Web.Features.Plans;

/// <summary>Turns a checked plan document into rows of the current tenant (saved by the caller).</summary>
public sealed class PlanWriter(EsRegionsDbContext db)
{
    public Plan Add(PlanDocument doc, string? sourceFile)
    {
        var plan = new Plan(doc.Title, doc.Kind, doc.YearFrom, doc.YearTo, doc.Status, doc.Resolution, doc.Source, doc.Notes, sourceFile);
        db.Add(plan);
        AddNodes(plan, doc.Nodes, parentId: null);
        return plan;
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
