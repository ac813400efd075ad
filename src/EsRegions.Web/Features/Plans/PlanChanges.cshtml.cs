using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>What changed between an adopted version of a plan and a later version (or the current draft).</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class PlanChangesModel(EsRegionsDbContext db, PlanLifecycle lifecycle, PlanExport export) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Od { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Do { get; set; }

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Versions = await db.Set<PlanVersion>().Where(v => v.PlanId == id).OrderBy(v => v.Number).ToListAsync(ct);
        // A draft that was never adopted has nothing to compare with yet; the plan page links here all the same.
        if (Versions.Count == 0) return Page();
        var older = await lifecycle.VersionAsync(id, Od, ct);
        var newer = Do is null ? await export.LoadAsync(id, ct) : await lifecycle.VersionAsync(id, Do.Value, ct);
        if (older is null || newer is null) return NotFound();
        Changes = PlanDiff.Compare(older, newer);
        return Page();
    }
}
