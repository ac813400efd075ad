using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Identity;

/// <summary>"Nie pamiętam hasła": a one-time link by e-mail. The answer is the same whether or not the address has an account.</summary>
[TenantScoped]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, TenantClaimsPrincipalFactory memberships, AccountEmails emails, EsRegionsDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Podaj adres e-mail.")]
    [EmailAddress(ErrorMessage = "Podaj poprawny adres e-mail.")]
    [Display(Name = "Adres e-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && await memberships.MayEnterAsync(user, ct))
        {
            await emails.SendPasswordResetAsync(user, ct);
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }
}
