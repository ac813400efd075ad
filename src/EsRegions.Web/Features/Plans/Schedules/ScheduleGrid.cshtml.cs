using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>A drafting schedule as a quarter grid (a table like the document's), with links for staff to change a task.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class ScheduleGridModel(ScheduleQueries schedules, EsRegionsDbContext db) : PageModel
{
    public ScheduleDto Schedule { get; private set; } = null!;
    public string? PlanTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await schedules.GetAsync(id, ct) is not { } schedule) return NotFound();
        Schedule = schedule;
        if (schedule.PlanId is { } planId)
            PlanTitle = await db.Set<Plan>().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return Page();
    }
}
