using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Finds the multi-year plan an annual plan document names (among the current region's plans only) and checks that
/// it can be its parent; problems go to the checker under "$.parent".
/// </summary>
public sealed class PlanParents(EsRegionsDbContext db)
{
    public async Task<Guid?> ResolveAsync(PlanDocument doc, JsonChecker check, CancellationToken ct, Guid? self = null)
    {
        if (doc.Parent is not { } reference) return null;
        var parent = reference.Id is { } id
            ? await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct)
            : await db.Set<Plan>().FirstOrDefaultAsync(p => p.SourceFile == reference.File, ct);
        if (parent is null)
        {
            if (reference.Id is not null) check.Fail("$.parent", "the region has no plan {0}", reference.Id);
            else check.Fail("$.parent", "the region has no plan file '{0}'", reference.File);
            return null;
        }
        if (parent.Id == self) check.Fail("$.parent", "a plan cannot belong to itself");
        if (parent.Kind != PlanKind.MultiYear) check.Fail("$.parent", "'{0}' is not a multi-year plan", parent.Title);
        if (parent.YearFrom is { } from && parent.YearTo is { } to && doc.YearFrom is { } year && (year < from || doc.YearTo > to))
            check.Fail("$.years", "must lie within the years of '{0}' ({1}–{2})", parent.Title, from, to);
        return check.HasErrors ? null : parent.Id;
    }
}
