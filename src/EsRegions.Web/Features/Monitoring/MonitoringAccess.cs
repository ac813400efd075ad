using System.Security.Claims;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Who may do what in monitoring. Staff (Staff, TenantAdmin; integration clients act as Staff) enter values for every
/// indicator, approve and reopen periods; an Implementer enters values only for indicators assigned to one of the
/// organisations of their membership (TenantMembership.OrganisationIds), read when asked so a change applies at once.
/// </summary>
public sealed class MonitoringAccess(IHttpContextAccessor http, EsRegionsDbContext db)
{
    private IReadOnlyList<Guid>? _organisations;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsStaff => User.IsInRole(Policies.Roles.Staff) || User.IsInRole(Policies.Roles.TenantAdmin);

    public bool IsImplementer => User.IsInRole(Policies.Roles.Implementer);

    /// <summary>The name recorded with a value or an approval.</summary>
    public string Actor => User.FindFirstValue(TenantClaimsPrincipalFactory.DisplayNameClaim) ?? User.Identity?.Name
        ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken ct)
    {
        if (_organisations is not null) return _organisations;
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? User.FindFirstValue("sub");
        _organisations = IsImplementer && Guid.TryParse(id, out var userId)
            ? (await db.Set<TenantMembership>().Where(m => m.UserId == userId && m.IsActive).Select(m => m.OrganisationIds).FirstOrDefaultAsync(ct)) ?? []
            : [];
        return _organisations;
    }

    public async Task<bool> MayEnterAsync(IndicatorTrack? track, CancellationToken ct) =>
        IsStaff || (track?.OrganisationId is { } org && (await OrganisationsAsync(ct)).Contains(org));
}
