using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// Invites a person to the current region with roles: creates the account if the address has none (without a
/// password: the e-mailed link sets it), adds or reactivates the membership, and queues the invitation e-mail.
/// </summary>
public sealed class Invitations(UserManager<AppUser> users, EsRegionsDbContext db, AccountEmails emails, TenantContext tenant)
{
    public async Task<IdentityResult> InviteAsync(string email, string displayName, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (roles.Count == 0) return IdentityResult.Failed(new IdentityError { Code = "NoRole", Description = "Wybierz co najmniej jedną rolę." });
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            user = new AppUser(email.Trim(), displayName.Trim());
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return created;
        }
        var membership = await db.Set<TenantMembership>().FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (membership is null) db.Add(membership = new TenantMembership(user.Id, roles));
        else membership.Reactivate(roles);
        await emails.SendInvitationAsync(user, tenant.Required.Name, roles.Select(r => AccountModel.RoleName(r, english: false)).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }
}
