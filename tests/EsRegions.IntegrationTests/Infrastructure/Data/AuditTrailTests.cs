using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Data;

public sealed class AuditTrailTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Insert_update_and_delete_are_recorded_with_actor_tenant_key_and_values_with_enums_by_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.ScopeFor("mazowsze");
        scope.ServiceProvider.GetRequiredService<AuditActor>().Set("job:test");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var organisation = new Organisation("CIS Radom", "Centrum Integracji Społecznej w Radomiu", OrganisationKind.SocialEconomyEntity);
        db.Add(organisation);
        await db.SaveChangesAsync(ct);
        db.Entry(organisation).Property(o => o.Name).CurrentValue = "CIS w Radomiu";
        await db.SaveChangesAsync(ct);
        db.Remove(organisation);
        await db.SaveChangesAsync(ct);

        var key = organisation.Id.ToString();
        var entries = await db.AuditEntries.Where(a => a.EntityKey == key).OrderBy(a => a.Id).ToListAsync(ct);

        Assert.Equal(["insert", "update", "delete"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("job:test", e.Actor);
            Assert.Equal(App.TenantId("mazowsze"), e.TenantId);
            Assert.Equal(nameof(Organisation), e.Entity);
        });
        Assert.Equal("SocialEconomyEntity", Value(entries[0].NewValues, "Kind"));
        Assert.Equal("Centrum Integracji Społecznej w Radomiu", Value(entries[1].OldValues, "Name"));
        Assert.Equal("CIS w Radomiu", Value(entries[1].NewValues, "Name"));
        Assert.Null(entries[2].NewValues);
        Assert.Equal("CIS w Radomiu", Value(entries[2].OldValues, "Name"));
    }

    [Fact]
    public async Task Tenant_data_loaded_at_start_is_audited_as_the_loader()
    {
        await using var scope = App.ScopeFor("lubelskie");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();

        var actors = await db.AuditEntries.Where(a => a.Entity == nameof(Organisation)).Select(a => a.Actor).Distinct()
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["loader:tenant-data"], actors);
    }

    private static string? Value(string? json, string property) =>
        JsonDocument.Parse(json!).RootElement.GetProperty(property).GetString();
}
