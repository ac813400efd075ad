using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Identity;

/// <summary>The signed-in person's own page: who they are here and what their roles allow.</summary>
[Authorize]
[AnyScope]
public sealed class AccountModel : PageModel
{
    public string DisplayName => User.FindFirst(TenantClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "";
    public string? Email => User.Identity?.Name;
    public IReadOnlyList<string> Roles => User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();

    private static readonly Dictionary<string, (string Pl, string En)> RoleNames = new()
    {
        [Policies.Roles.TenantAdmin] = ("administrator regionu", "region administrator"),
        [Policies.Roles.Staff] = ("pracownik ROPS", "ROPS staff"),
        [Policies.Roles.Secretary] = ("sekretarz komitetu", "committee secretary"),
        [Policies.Roles.Implementer] = ("realizator", "implementer"),
        [Policies.Roles.CommitteeMember] = ("członek komitetu", "committee member"),
        [Policies.Roles.PlatformAdmin] = ("administrator platformy", "platform administrator"),
    };

    public static string RoleName(string role, bool english) =>
        RoleNames.TryGetValue(role, out var name) ? (english ? name.En : name.Pl) : role;

    public void OnGet() { }
}
