using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Identity;

/// <summary>Sign-in on a region's URL (staff of that region) or on the platform's (the platform administrator).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
[AnyScope]
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    TenantClaimsPrincipalFactory memberships,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Podaj adres e-mail.")]
        [EmailAddress(ErrorMessage = "Podaj poprawny adres e-mail.")]
        [Display(Name = "Adres e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Podaj hasło.")]
        [DataType(DataType.Password)]
        [Display(Name = "Hasło")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // One message for every reason, so the form tells nobody which addresses have accounts here.
        var invalid = l["Nieprawidłowy adres e-mail lub hasło."];
        if (user is null || !await memberships.MayEnterAsync(user, ct))
        {
            Error = invalid;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Request.PathBase + "/");
        Error = result.IsLockedOut ? l["Po kilku nieudanych próbach konto zostało zablokowane na 15 minut."] : invalid;
        return Page();
    }
}
