using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Privacy;

/// <summary>One erasure's record: when, by whom, why, and how many records of each section were erased or anonymised.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class ErasureResultModel(EsRegionsDbContext db) : PageModel
{
    public PersonalDataErasure Erasure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var erasure = await db.Set<PersonalDataErasure>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (erasure is null) return NotFound();
        Erasure = erasure;
        return Page();
    }
}
