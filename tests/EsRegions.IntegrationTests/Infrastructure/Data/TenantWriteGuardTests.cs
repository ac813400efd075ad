using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Data;

public sealed class TenantWriteGuardTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task New_row_is_stamped_with_the_scope_tenant()
    {
        await using var scope = App.ScopeFor("lubelskie");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var organisation = new Organisation("PUP Lublin", "Powiatowy Urząd Pracy w Lublinie", OrganisationKind.LabourMarketInstitution);

        db.Add(organisation);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(App.TenantId("lubelskie"), organisation.TenantId);
    }

    [Fact]
    public async Task Saving_tenant_data_outside_a_tenant_scope_is_refused()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Add(new Organisation("X", "Bez regionu", OrganisationKind.Other));

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Changing_another_tenants_row_is_refused_before_it_reaches_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        Organisation foreign;
        await using (var malopolska = App.ScopeFor("malopolska"))
            foreign = await malopolska.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Organisation>().FirstAsync(ct);

        await using var scope = App.ScopeFor("mazowsze");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Remove(foreign);

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task Query_filter_hides_other_tenants_rows_from_linq()
    {
        await using var scope = App.ScopeFor("warmia-mazury");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();

        var tenants = await db.Set<Organisation>().Select(o => o.TenantId).Distinct().ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([App.TenantId("warmia-mazury")], tenants);
    }
}
