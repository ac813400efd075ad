using EsRegions.Web.Infrastructure.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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
        var actions = readOnly
            ? await ReadActionsAsync(db, plan, ct)
            : await db.Set<PlanAction>().Where(a => a.PlanId == planId).OrderBy(a => a.Position).ToListAsync(ct);
        // By plan, not by a list of 2,000 action ids: one index range scan instead of an = ANY(array) probe per id.
        var planActions = db.Set<PlanAction>();
        var indicators = await Rows<Indicator>()
            .Where(i => planActions.Any(a => a.Id == i.ActionId && a.PlanId == planId))
            .OrderBy(i => i.Position).ToListAsync(ct);
        return new PlanRows(plan, nodes.ToLookup(n => n.ParentId), actions.ToLookup(a => a.NodeId), indicators.ToLookup(i => i.ActionId));
    }

    private static readonly JsonSerializerOptions StoredJson = new();

    /// <summary>
    /// The plan's actions read with a plain command, for read-only callers: EF 10 materialises the two JSON-mapped owned
    /// types of every action (Budget, Timeframe) through delegates it creates per row (DynamicMethod.CreateDelegate in
    /// the profile of the plan tree API; docs/performance.md). The JSON is the one EF writes (property names as in
    /// <see cref="BudgetLine"/> and <see cref="Timeframe"/>). Row-level security applies as to any query of the app
    /// role; the explicit tenant condition repeats EF's tenant filter.
    /// </summary>
    private static async Task<List<PlanAction>> ReadActionsAsync(EsRegionsDbContext db, Plan plan, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """
                SELECT id, node_id, position, code, name, description, product, budget::text, timeframe::text, implementers, coordinator, engaged_bodies
                FROM plan_actions WHERE tenant_id = @tenant AND plan_id = @plan ORDER BY position
                """;
            command.Parameters.Add(new NpgsqlParameter("tenant", plan.TenantId));
            command.Parameters.Add(new NpgsqlParameter("plan", plan.Id));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var actions = new List<PlanAction>();
            while (await reader.ReadAsync(ct))
            {
                actions.Add(PlanAction.Stored(reader.GetGuid(0), plan.TenantId, plan.Id, reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6),
                    reader.IsDBNull(7) ? [] : JsonSerializer.Deserialize<List<BudgetLine>>(reader.GetString(7), StoredJson) ?? [],
                    JsonSerializer.Deserialize<Timeframe>(reader.GetString(8), StoredJson)!,
                    [.. reader.GetFieldValue<string[]>(9)], reader.IsDBNull(10) ? null : reader.GetString(10), [.. reader.GetFieldValue<string[]>(11)]));
            }
            return actions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
