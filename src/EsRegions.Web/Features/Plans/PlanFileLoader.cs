using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Loads tenants/&lt;slug&gt;/plans/*.json once each (a file already loaded is left as staff may have changed it);
/// plans that name a parent multi-year plan are loaded after the others.
/// </summary>
internal sealed class PlanFileLoader(EsRegionsDbContext db, PlanWriter writer, PlanParents parents, PlanLifecycle lifecycle) : ITenantDataLoader
{
    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var plans = Path.Combine(folder, "plans");
        if (!Directory.Exists(plans)) return;
        var documents = new List<(string Name, string Display, PlanDocument Document)>();
        foreach (var file in Directory.GetFiles(plans, "*.json").Order())
        {
            var name = Path.GetFileName(file);
            if (await db.Set<Plan>().AnyAsync(p => p.SourceFile == name, ct)) continue;
            var display = $"tenants/{tenant.Slug}/plans/{name}";
            await using var stream = File.OpenRead(file);
            var (document, check) = await PlanDocumentReader.ReadAsync(stream, display, tenant.Settings.PlanLevels, ct);
            if (document is null) throw new TenantConfigurationException(check.Errors);
            documents.Add((name, display, document));
        }
        foreach (var (name, display, document) in documents.OrderBy(d => d.Document.Parent is null ? 0 : 1))
        {
            var check = new JsonChecker(display);
            var parentId = await parents.ResolveAsync(document, check, ct);
            if (check.HasErrors) throw new TenantConfigurationException(check.Errors);
            var plan = writer.Add(document, name, parentId);
            // A plan that arrives adopted is its own version 1, frozen as the document says.
            if (plan.Status is PlanStatus.Adopted or PlanStatus.Archived) await lifecycle.FreezeAsync(plan, ct);
            await db.SaveChangesAsync(ct);
        }
    }
}
