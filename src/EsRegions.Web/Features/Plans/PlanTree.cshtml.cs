using System.Globalization;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>A plan: its tree (folding), filters, budget summary, and a print view laid out like the plans' tables.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.HeavyPage)]
public sealed class PlanTreeModel(PlanQueries plans, EsRegionsDbContext db, IEnumerable<IPlanStatusSource> statusSources, PlanPageCache pages,
    TenantContext tenant) : PageModel
{
    /// <summary>What the page's heading shows, read on every request (the body below it may come from <see cref="PlanPageCache"/>).</summary>
    public sealed record PlanHead(Guid Id, string Title, string? Years, string Status, string? Resolution, string? ResolutionUnknown);

    public PlanHead Head { get; private set; } = null!;

    /// <summary>The multi-year plan this annual plan belongs to, the annual plans under this one, and its drafting schedules.</summary>
    public (Guid Id, string Title)? Parent { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> AnnualPlans { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Schedules { get; private set; } = [];

    /// <summary>The page body's HTML as rendered for an earlier request with the same key; null: render it now from the rows below.</summary>
    public string? CachedBody { get; private set; }
    public PlanPageCache.Key? BodyKey { get; private set; }

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

    /// <summary>Whether the reader sees the editing links (the body differs, so it is part of the cache key).</summary>
    public bool CanEdit => User.IsInRole("Staff") || User.IsInRole("TenantAdmin");

    /// <summary>Called by the page with the body it has just rendered: kept for the next reader with the same key; its HTML.</summary>
    public string KeepBody(IHtmlContent rendered) => pages.Keep(BodyKey, rendered);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The revision and the status stamp (in the key) are read before the rows the body is rendered from.
        if (await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        var summary = PlanQueries.Summary(plan);
        Head = new PlanHead(plan.Id, plan.Title, summary.Years, summary.Status, plan.Resolution?.Text, plan.ResolutionUnknown);
        if (plan.ParentPlanId is { } parentId)
            Parent = (await db.Set<Plan>().Where(p => p.Id == parentId).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                .Select(p => (p.Id, p.Title)).FirstOrDefault();
        AnnualPlans = (await db.Set<Plan>().Where(p => p.ParentPlanId == id).OrderBy(p => p.YearFrom).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        Schedules = (await db.Set<Schedules.PlanSchedule>().Where(s => s.PlanId == id).Select(s => new { s.Id, s.Title }).ToListAsync(ct))
            .Select(s => (s.Id, s.Title)).ToList();

        var region = tenant.Required;
        BodyKey = pages.KeyFor(region.Id, id, PlanTreeCache.Tag(plan.Revision, region.Settings.PlanLevels.Select(l => l.Label)),
            string.Join('\u001f', Realizator, Zrodlo, Kwartal, Druk, Rok, CultureInfo.CurrentUICulture.Name, CanEdit, Request.PathBase));
        if ((CachedBody = pages.Find(BodyKey)) is not null) return Page();

        if (await plans.TreeWithRowsAsync(id, ct) is not var (tree, rows)) return NotFound();
        Plan = tree;
        Year = tree.Years is null ? 0 : int.Parse(tree.Years[..4], CultureInfo.InvariantCulture);
        Nodes = Filter.Apply(tree.Nodes, Year);
        Implementers = tree.Nodes.SelectMany(PlanFilter.Actions).SelectMany(a => a.Implementers).Distinct().Order().ToList();
        foreach (var source in statusSources)
            if ((Status = await source.ForPlanAsync(id, Rok, ct, rows)) is not null) break;
        ViewData["PlanStatus"] = Status;
        return Page();
    }
}
