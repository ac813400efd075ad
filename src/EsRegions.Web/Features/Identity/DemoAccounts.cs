using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// Development only: a platform administrator and, in every region, an administrator, a staff member, a committee
/// secretary and an implementer (bound to the region's OWES). ops/run.sh prints them (ops/demo-accounts.txt).
/// </summary>
public sealed class DemoAccounts(UserManager<AppUser> users, TenantRegistry registry, TenantScopeFactory scopes, IOpenIddictApplicationManager apps)
{
    public const string Password = "demo-haslo-2026";
    public const string ClientSecret = "demo-secret";

    public static string ClientId(string slug) => $"{slug}-demo";
    public const string PlatformAdminEmail = "admin@esregions.demo";

    public static readonly IReadOnlyList<(string Local, string Name, string Role)> PerTenant =
    [
        ("admin", "Administrator regionu", Policies.Roles.TenantAdmin),
        ("pracownik", "Pracownik ROPS", Policies.Roles.Staff),
        ("sekretarz", "Sekretarz komitetu", Policies.Roles.Secretary),
        ("realizator", "Realizator (OWES)", Policies.Roles.Implementer),
    ];

    public static string Email(string local, string slug) => $"{local}@{slug}.demo";

    public async Task EnsureAsync(CancellationToken ct)
    {
        var admin = await EnsureUserAsync(PlatformAdminEmail, "Administrator platformy");
        if (!admin.IsPlatformAdmin)
        {
            admin.IsPlatformAdmin = true;
            await users.UpdateAsync(admin);
        }
        foreach (var tenant in registry.All)
        {
            await using var scope = scopes.CreateScope(tenant.Id);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set("loader:demo-accounts");
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var owes = await db.Set<Organisation>().Where(o => o.Kind == OrganisationKind.SupportCentre).Select(o => o.Id).FirstOrDefaultAsync(ct);
            foreach (var (local, name, role) in PerTenant)
            {
                var user = await EnsureUserAsync(Email(local, tenant.Slug), $"{name} — {tenant.Slug}");
                if (await db.Set<TenantMembership>().AnyAsync(m => m.UserId == user.Id, ct)) continue;
                db.Add(new TenantMembership(user.Id, [role], role == Policies.Roles.Implementer && owes != Guid.Empty ? [owes] : []));
            }
            await db.SaveChangesAsync(ct);
            await EnsureClientAsync(tenant, ct);
        }
    }

    /// <summary>API.md: each region's confidential client {slug}-demo / demo-secret, client credentials, scope api.</summary>
    private async Task EnsureClientAsync(Tenant tenant, CancellationToken ct)
    {
        if (await apps.FindByClientIdAsync(ClientId(tenant.Slug), ct) is not null) return;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId(tenant.Slug),
            ClientSecret = ClientSecret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = $"Demo — {tenant.Name}",
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + OpenIdServer.ApiScope,
            },
        };
        descriptor.Properties[OpenIdServer.TenantProperty] = System.Text.Json.JsonSerializer.SerializeToElement(tenant.Slug);
        await apps.CreateAsync(descriptor, ct);
    }

    private async Task<AppUser> EnsureUserAsync(string email, string name)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return user;
        user = new AppUser(email, name) { EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
