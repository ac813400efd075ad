using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class PlanListModel(EsRegionsDbContext db) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];
    public IReadOnlyList<Schedules.PlanSchedule> Schedules { get; private set; } = [];

    /// <summary>"harmonogram" after a schedule was deleted on its page, said once.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "usunieto")] public string? Deleted { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await db.Set<Plan>().OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title).ToListAsync(ct);
        Schedules = await db.Set<Schedules.PlanSchedule>().OrderBy(s => s.Title).ToListAsync(ct);
    }
}
