using System.Text.Json.Nodes;
using EsRegions.Web.Infrastructure.Data;

namespace EsRegions.Web.Features.Plans;

/// <summary>A stored plan back in the file format of tenants/PLAN-FORMAT.md (what import reads, export writes).</summary>
public sealed class PlanExport(EsRegionsDbContext db)
{
    public async Task<PlanDocument?> LoadAsync(Guid planId, CancellationToken ct)
    {
        if (await PlanRows.LoadAsync(db, planId, ct, readOnly: true) is not { } rows) return null;
        var (plan, children, actions, indicators) = rows;

        NodeDocument Node(PlanNode n) => new(n.Level, n.Code, n.Title, children[n.Id].Select(Node).ToList(),
            actions[n.Id].Select(a => new ActionDocument(a.Code, a.Name, a.Description, a.Product,
                indicators[a.Id].Select(i => new IndicatorDocument(i.Name, i.TargetKind, i.TargetValue, i.TargetUnit, i.TargetText, i.Baseline, i.CatalogueCode)).ToList(),
                a.Budget, a.Timeframe.Text, a.Implementers, a.Coordinator, a.EngagedBodies)).ToList());

        return new PlanDocument(plan.Title, plan.Kind, plan.YearFrom, plan.YearTo, plan.Status, plan.Resolution, plan.Source, plan.Notes,
            children[null].Select(Node).ToList(), plan.ResolutionUnknown,
            plan.ParentPlanId is { } parent ? new ParentReference(null, parent) : null);
    }

    public static JsonObject ToJson(PlanDocument d)
    {
        var root = new JsonObject
        {
            ["title"] = d.Title,
            ["kind"] = d.Kind == PlanKind.Annual ? "annual" : "multiYear",
        };
        if (d.YearFrom is not null) root["years"] = new JsonObject { ["from"] = d.YearFrom, ["to"] = d.YearTo };
        root["status"] = Camel(d.Status);
        if (d.Resolution is { } r)
            root["resolution"] = new JsonObject { ["text"] = r.Text, ["number"] = r.Number, ["body"] = r.Body, ["date"] = r.Date.ToString("yyyy-MM-dd") };
        if (d.ResolutionUnknown is not null) root["resolutionUnknown"] = d.ResolutionUnknown;
        if (d.Parent is { } parent)
            root["parent"] = parent.Id is { } id ? new JsonObject { ["id"] = id.ToString() } : new JsonObject { ["file"] = parent.File };
        if (d.Source is not null) root["source"] = d.Source;
        if (d.Notes.Count > 0) root["notes"] = Strings(d.Notes);
        if (d.Nodes.Count > 0) root["nodes"] = new JsonArray([.. d.Nodes.Select(Node)]);
        return root;
    }

    private static JsonNode Node(NodeDocument n)
    {
        var node = new JsonObject { ["level"] = n.Level, ["code"] = n.Code, ["title"] = n.Title };
        if (n.Children.Count > 0) node["children"] = new JsonArray([.. n.Children.Select(Node)]);
        if (n.Actions.Count > 0) node["actions"] = new JsonArray([.. n.Actions.Select(Action)]);
        return node;
    }

    private static JsonNode Action(ActionDocument a) => new JsonObject
    {
        ["code"] = a.Code, ["name"] = a.Name, ["description"] = a.Description, ["product"] = a.Product,
        ["indicators"] = new JsonArray([.. a.Indicators.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["target"] = new JsonObject { ["kind"] = Camel(i.Kind), ["value"] = i.Value, ["unit"] = i.Unit, ["text"] = i.Text },
            ["baseline"] = i.Baseline, ["catalogueCode"] = i.CatalogueCode,
        })]),
        ["budget"] = new JsonArray([.. a.Budget.Select(b => (JsonNode)new JsonObject { ["amount"] = b.Amount, ["source"] = b.Source, ["text"] = b.Text })]),
        ["timeframe"] = new JsonObject { ["text"] = a.Timeframe },
        ["implementers"] = Strings(a.Implementers),
        ["coordinator"] = a.Coordinator,
        ["engagedBodies"] = Strings(a.EngagedBodies),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static string Camel<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
