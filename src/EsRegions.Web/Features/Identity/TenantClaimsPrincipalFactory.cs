using System.Security.Claims;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// The claims of a session: who the person is, and — on a region's URL — that region and the roles of their
/// membership there. The tenant claim is what lets the cookie open that region's staff pages and no other's.
/// </summary>
public sealed class TenantClaimsPrincipalFactory(
    UserManager<AppUser> users,
    IOptions<IdentityOptions> options,
    TenantContext tenant,
    EsRegionsDbContext db) : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.IsPlatformAdmin) identity.AddClaim(new Claim(ClaimTypes.Role, Policies.Roles.PlatformAdmin));
        if (tenant.Tenant is { } region)
        {
            var membership = await db.Set<TenantMembership>().FirstOrDefaultAsync(m => m.UserId == user.Id && m.IsActive);
            if (membership is not null)
            {
                identity.AddClaim(new Claim(Policies.TenantClaim, region.Id.ToString()));
                identity.AddClaims(membership.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            }
        }
        return identity;
    }

    /// <summary>Whether the person may sign in on this URL: a region needs an active membership, the platform an administrator.</summary>
    public async Task<bool> MayEnterAsync(AppUser user, CancellationToken ct) =>
        user.IsActive && (tenant.Tenant is null
            ? user.IsPlatformAdmin
            : await db.Set<TenantMembership>().AnyAsync(m => m.UserId == user.Id && m.IsActive, ct));
}
