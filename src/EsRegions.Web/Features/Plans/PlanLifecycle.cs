using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// draft → in consultation → adopted (by resolution; the version is frozen as a snapshot) → archived. A change to an
/// adopted plan opens the next version as a draft.
/// </summary>
public sealed class PlanLifecycle(EsRegionsDbContext db, PlanExport export, TimeProvider clock, Infrastructure.Tenancy.TenantContext tenant)
{
    /// <summary>
    /// Changes a plan's state (consultation, adoption, archive) with its row locked first, so that two people doing it at
    /// once are one after the other: the second sees the first's result and is refused by the plan's rules (e.g. a
    /// second adoption), instead of both acting on the state they read. Null: no such plan in this region.
    /// </summary>
    public async Task<Plan?> ChangeAsync(Guid id, Func<Plan, Task> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(id, ct) is not { } plan) return null;
        await change(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    public Task<Plan?> ChangeAsync(Guid id, Action<Plan> change, CancellationToken ct) =>
        ChangeAsync(id, p => { change(p); return Task.CompletedTask; }, ct);

    /// <summary>
    /// The plan, its row locked for the caller's transaction and read under the lock (again, had it been tracked
    /// before), so that the state a rule checks is the latest; null: no such plan in this region.
    /// </summary>
    public async Task<Plan?> LockAsync(Guid id, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<Plan>().Any(e => e.Entity.Id == id);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM plans WHERE id = {id} FOR UPDATE", ct);
        if (await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return null;
        if (tracked) await db.Entry(plan).ReloadAsync(ct); // a tracked entity is not refreshed by the query
        return plan;
    }

    public async Task AdoptAsync(Plan plan, Resolution resolution, CancellationToken ct)
    {
        plan.Adopt(resolution);
        await FreezeAsync(plan, ct);
    }

    /// <summary>Stores the plan's current content as the frozen snapshot of its current version.</summary>
    public async Task FreezeAsync(Plan plan, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var document = (await export.LoadAsync(plan.Id, ct))!;
        db.Add(new PlanVersion(plan.Id, plan.Version, plan.Resolution?.Text ?? "", clock.GetUtcNow(), PlanExport.ToJson(document).ToJsonString()));
    }

    public async Task<PlanDocument?> VersionAsync(Guid planId, int number, CancellationToken ct)
    {
        var snapshot = await db.Set<PlanVersion>().Where(v => v.PlanId == planId && v.Number == number).Select(v => v.Snapshot).FirstOrDefaultAsync(ct);
        if (snapshot is null) return null;
        var check = new Infrastructure.Tenancy.JsonChecker("snapshot");
        return PlanDocumentReader.Read(System.Text.Json.Nodes.JsonNode.Parse(snapshot), check, tenant.Required.Settings.PlanLevels);
    }
}
