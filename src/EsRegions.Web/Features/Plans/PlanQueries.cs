using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Plans;

/// <summary>Reads of the region's plans shared by the API and the pages.</summary>
public sealed class PlanQueries(EsRegionsDbContext db, TenantContext tenant)
{
    public async Task<PlanDto?> TreeAsync(Guid id, CancellationToken ct) => (await TreeWithRowsAsync(id, ct))?.Tree;

    /// <summary>The tree and the untracked rows it was shaped from (for the plan page, which also asks for their status).</summary>
    public async Task<(PlanDto Tree, PlanRows Rows)?> TreeWithRowsAsync(Guid id, CancellationToken ct)
    {
        if (await PlanRows.LoadAsync(db, id, ct, readOnly: true) is not { } rows) return null;
        return (Assemble(rows, tenant.Required.Settings.PlanLevels.Select(l => l.Label).ToList()), rows);
    }

    /// <summary>Shapes the plan's rows into the API tree (in-process; measured by ops/bench/Micro).</summary>
    public static PlanDto Assemble(PlanRows rows, IReadOnlyList<string> labels)
    {
        var (plan, childrenByParent, actionsByNode, indicators) = rows;

        NodeDto Node(PlanNode n)
        {
            var children = childrenByParent[n.Id].Select(Node).ToList();
            var own = actionsByNode[n.Id].Select(a => new ActionDto(a.Id, a.Code, a.Name, a.Description, a.Product,
                indicators[a.Id].Select(i => new IndicatorDto(i.Id, i.Name,
                    new TargetDto(Camel(i.TargetKind), i.TargetValue, i.TargetUnit, i.TargetText), i.CatalogueCode)).ToList(),
                a.Budget.Select(b => new BudgetDto(b.Amount, b.Source)).ToList(),
                new TimeframeDto(a.Timeframe.Text, a.Timeframe.From, a.Timeframe.To), a.Implementers)).ToList();
            return new NodeDto(n.Id, n.Level, n.Code, n.Title, children.Count > 0 ? children : null, own.Count > 0 ? own : null);
        }

        return new PlanDto(plan.Id, plan.Title, Camel(plan.Kind), Years(plan), Camel(plan.Status), plan.Resolution?.Text,
            labels, childrenByParent[null].Select(Node).ToList(), plan.ResolutionUnknown, plan.ParentPlanId);
    }

    public static PlanSummaryDto Summary(Plan p) => new(p.Id, p.Title, Camel(p.Kind), Years(p), Camel(p.Status), p.ParentPlanId);

    /// <summary>"2024", "2021–2030", or null where the plan's years are not known.</summary>
    public static string? Years(int? from, int? to) => from is null ? null : from == to ? $"{from}" : $"{from}–{to}";

    private static string? Years(Plan p) => Years(p.YearFrom, p.YearTo);

    private static string Camel<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
