using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// RODO: a person's account as far as this region is concerned. Only an account with a membership in the current
/// region is shown or touched (another region's people stay invisible). Erasure removes the membership here and, when
/// the account has no membership in any other region, deletes the account (UserManager); the platform administrator's
/// account is refused.
/// </summary>
public sealed class UserPersonalData(
    EsRegionsDbContext db,
    UserManager<AppUser> users,
    IUserStore<AppUser> store,
    TenantContext tenant,
    TenantRegistry registry,
    TenantScopeFactory scopes) : IPersonalDataSource
{
    public string Name => "account";

    public sealed record Account(string Email, string DisplayName, bool EmailConfirmed, bool AccountActive, IReadOnlyList<string> Roles,
        bool MembershipActive, int ImplementerOrganisations, DateTimeOffset? LockedOutUntil, string LastSignIn);

    /// <summary>Why the platform administrator's account is not erased from a region's page.</summary>
    public const string PlatformAdminRefusal =
        "To konto należy do administratora platformy: usuń najpierw jego uprawnienia administratora platformy (robi to administrator platformy).";

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var (user, membership) = await FindAsync(person, ct);
        if (user is null || membership is null) return [];
        return [new Account(user.Email!, user.DisplayName, user.EmailConfirmed, user.IsActive, membership.Roles, membership.IsActive,
            membership.OrganisationIds.Count, user.LockoutEnd, "nie jest przechowywane (not stored)")];
    }

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var (user, membership) = await FindAsync(person, ct);
        if (user is null || membership is null) return 0;
        if (user.IsPlatformAdmin) throw new PlatformAdminErasureException(PlatformAdminRefusal);
        db.Remove(membership);
        // UserManager writes through the store, which saves by itself: here it must only track the change, so that the
        // whole erasure is committed by the privacy service's one SaveChanges.
        var autoSave = store as UserOnlyStore<AppUser, EsRegionsDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>>;
        var before = autoSave?.AutoSaveChanges ?? true;
        if (autoSave is not null) autoSave.AutoSaveChanges = false;
        try
        {
            var keepAccount = await MemberElsewhereAsync(user.Id, ct);
            var result = keepAccount
                ? await users.UpdateSecurityStampAsync(user) // open sessions in this region are signed out at their next check
                : await users.DeleteAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            return keepAccount ? 1 : 2; // the membership, and the account when it went too
        }
        finally
        {
            if (autoSave is not null) autoSave.AutoSaveChanges = before;
        }
    }

    private async Task<(AppUser? User, TenantMembership? Membership)> FindAsync(PersonRef person, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == person.NormalizedEmail, ct);
        if (user is null) return (null, null);
        var membership = await db.Set<TenantMembership>().FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        return (user, membership);
    }

    /// <summary>
    /// Whether the account belongs to another region too. Asked in each other region's own scope (its query filter and
    /// row-level security apply as for a background job), so no cross-region read is needed; only a yes/no leaves it.
    /// </summary>
    private async Task<bool> MemberElsewhereAsync(Guid userId, CancellationToken ct)
    {
        foreach (var other in registry.All.Where(t => t.Id != tenant.Required.Id))
        {
            await using var scope = scopes.CreateScope(other.Id);
            var otherDb = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            if (await otherDb.Set<TenantMembership>().AnyAsync(m => m.UserId == userId, ct)) return true;
        }
        return false;
    }
}

/// <summary>The platform administrator's account cannot be erased by a region (409).</summary>
public sealed class PlatformAdminErasureException(string message) : ConflictException(message);
