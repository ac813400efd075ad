using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>Implementer accounts bound to organisations of a region's register (TenantMembership.OrganisationIds).</summary>
public static class Implementers
{
    public static async Task<Guid> OrganisationIdAsync(this EsRegionsAppFactory app, string slug, string shortName)
    {
        await using var scope = app.ScopeFor(slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Organisation>()
            .Where(o => o.ShortName == shortName).Select(o => o.Id).SingleAsync();
    }

    public static async Task<AppUser> CreateImplementerAsync(this EsRegionsAppFactory app, string email, string password, string slug, params Guid[] organisations)
    {
        var user = await app.CreateUserAsync(email, password, null);
        await using var scope = app.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Add(new TenantMembership(user.Id, [Policies.Roles.Implementer], organisations));
        await db.SaveChangesAsync();
        return user;
    }
}
