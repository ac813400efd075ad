using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Identity;

/// <summary>The region administrator's page: who may use the region, with which roles; invite, change roles, deactivate.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class UsersModel(EsRegionsDbContext db, Invitations invitations) : PageModel
{
    public sealed record Member(Guid MembershipId, string Name, string Email, IReadOnlyList<string> Roles, bool IsActive);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Podaj adres e-mail.")]
        [EmailAddress(ErrorMessage = "Podaj poprawny adres e-mail.")]
        [Display(Name = "Adres e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Podaj imię i nazwisko.")]
        [StringLength(200)]
        [Display(Name = "Imię i nazwisko")]
        public string Name { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await invitations.InviteAsync(Invite.Email, Invite.Name, Invite.Roles.Where(TenantMembership.TenantRoles.Contains).ToList(), ct);
            foreach (var error in result.Errors) ModelState.AddModelError("Invite.Roles", error.Description);
            if (result.Succeeded)
            {
                Notice = Invite.Email;
                return RedirectToPage();
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, List<string> roles, CancellationToken ct)
    {
        var membership = await db.Set<TenantMembership>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NotFound();
        var chosen = roles.Where(TenantMembership.TenantRoles.Contains).ToList();
        if (chosen.Count == 0) membership.Deactivate();
        else membership.Reactivate(chosen);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        var membership = await db.Set<TenantMembership>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return NotFound();
        membership.Deactivate();
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = await db.Set<TenantMembership>()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.DisplayName)
            .Select(x => new Member(x.m.Id, x.u.DisplayName, x.u.Email!, x.m.Roles, x.m.IsActive))
            .ToListAsync(ct);
}
