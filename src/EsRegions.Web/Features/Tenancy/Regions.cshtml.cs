using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>The platform administrator's page: suspend or re-activate a region, and invite its administrators.</summary>
[PlatformScoped]
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class RegionsModel(TenantRegistry registry, EsRegionsDbContext db, TenantScopeFactory scopes, TimeProvider clock, AuditActor actor) : PageModel
{
    public sealed class AdminInput
    {
        [Required] public string Region { get; set; } = "";
        [Required(ErrorMessage = "Podaj adres e-mail.")][EmailAddress(ErrorMessage = "Podaj poprawny adres e-mail.")] public string Email { get; set; } = "";
        [Required(ErrorMessage = "Podaj imię i nazwisko.")][StringLength(200)] public string Name { get; set; } = "";
    }

    public TenantRegistry Registry => registry;

    [BindProperty]
    public AdminInput Admin { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostStateAsync(string slug, TenantState state, CancellationToken ct)
    {
        var tenant = registry.FindBySlug(slug);
        if (tenant is null) return NotFound();
        var row = await db.Set<TenantStateOverride>().FindAsync([tenant.Id], ct);
        if (row is null) db.Add(row = new TenantStateOverride(tenant.Id));
        row.Set(state, clock.GetUtcNow(), actor.Name);
        await db.SaveChangesAsync(ct);
        await HttpContext.RequestServices.GetRequiredService<TenantStateRefresher>().RefreshAsync(ct);
        Notice = $"{tenant.Name}: {state}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdminAsync(CancellationToken ct)
    {
        var tenant = registry.FindBySlug(Admin.Region);
        if (!ModelState.IsValid || tenant is null) return Page();
        await using var scope = scopes.CreateScope(tenant.Id);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Set(actor.Name);
        var result = await scope.ServiceProvider.GetRequiredService<Invitations>()
            .InviteAsync(Admin.Email, Admin.Name, [Policies.Roles.TenantAdmin], ct);
        foreach (var error in result.Errors) ModelState.AddModelError("Admin.Email", error.Description);
        if (!result.Succeeded) return Page();
        Notice = $"{Admin.Email} → {tenant.Name}";
        return RedirectToPage();
    }
}
