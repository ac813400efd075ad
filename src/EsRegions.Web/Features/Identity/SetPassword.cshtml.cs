using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using System.Text;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace EsRegions.Web.Features.Identity;

/// <summary>Sets a password from an e-mailed link (reset or invitation). GET only shows the form; the token is used by the POST.</summary>
[TenantScoped]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Uid { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Podaj hasło.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nowe hasło")]
    public string Password { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByIdAsync(Uid.ToString());
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token)); }
        catch (FormatException) { token = ""; }
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, token, Password);
        foreach (var error in result.Errors) ModelState.AddModelError(nameof(Password), error.Description);
        if (result.Succeeded)
        {
            user!.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await users.ResetAccessFailedCountAsync(user);
        }
        Done = result.Succeeded;
        return Page();
    }
}
