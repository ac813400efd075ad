using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>A plan: its tree (folding), filters, budget summary, and a print view laid out like the plans' tables.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.HeavyPage)]
public sealed class PlanTreeModel(PlanQueries plans, EsRegionsDbContext db, IEnumerable<IPlanStatusSource> statusSources) : PageModel
{
    /// <summary>The multi-year plan this annual plan belongs to, the annual plans under this one, and its drafting schedules.</summary>
    public (Guid Id, string Title)? Parent { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> AnnualPlans { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Schedules { get; private set; } = [];

    public PlanDto Plan { get; private set; } = null!;
    public IReadOnlyList<NodeDto> Nodes { get; private set; } = [];
    public int Year { get; private set; }
    public IReadOnlyList<string> Implementers { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Realizator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zrodlo { get; set; }
    [BindProperty(SupportsGet = true)] public int? Kwartal { get; set; }
    [BindProperty(SupportsGet = true)] public bool Druk { get; set; }
    /// <summary>The reporting year whose indicator status the tree shows (default: the latest year with values).</summary>
    [BindProperty(SupportsGet = true)] public int? Rok { get; set; }

    /// <summary>Indicator status and roll-up per level from the module that monitors plans; null when there is none or no values yet.</summary>
    public PlanStatusView? Status { get; private set; }

    public PlanFilter Filter => new(Realizator, Zrodlo, Kwartal is >= 1 and <= 4 ? Kwartal : null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await plans.TreeWithRowsAsync(id, ct) is not var (plan, rows)) return NotFound();
        Plan = plan;
        Year = plan.Years is null ? 0 : int.Parse(plan.Years[..4]);
        Nodes = Filter.Apply(plan.Nodes, Year);
        if (plan.ParentPlanId is { } parentId)
            Parent = (await db.Set<Plan>().Where(p => p.Id == parentId).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                .Select(p => (p.Id, p.Title)).FirstOrDefault();
        AnnualPlans = (await db.Set<Plan>().Where(p => p.ParentPlanId == id).OrderBy(p => p.YearFrom).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        Schedules = (await db.Set<Schedules.PlanSchedule>().Where(s => s.PlanId == id).Select(s => new { s.Id, s.Title }).ToListAsync(ct))
            .Select(s => (s.Id, s.Title)).ToList();
        Implementers = plan.Nodes.SelectMany(PlanFilter.Actions).SelectMany(a => a.Implementers).Distinct().Order().ToList();
        foreach (var source in statusSources)
            if ((Status = await source.ForPlanAsync(id, Rok, ct, rows)) is not null) break;
        ViewData["PlanStatus"] = Status;
        return Page();
    }
}
