using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.UnitTests.Infrastructure.Data;

/// <summary>Architecture rule: every entity says whether it belongs to a tenant or is shared, and tenant tables lead indexes with tenant_id.</summary>
public sealed class EntityMarkerTests
{
    private static EsRegionsDbContext Context() => new(
        new DbContextOptionsBuilder<EsRegionsDbContext>().UseEsRegionsNpgsql("Host=unused").Options,
        new TenantContext(), new AuditActor(new HttpContextAccessor()), TimeProvider.System);

    private static readonly string?[] FrameworkShared =
        ["Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore", "OpenIddict.EntityFrameworkCore.Models"];

    [Fact]
    public void Every_entity_is_marked_tenant_owned_or_shared_but_not_both()
    {
        using var db = Context();

        // Owned types (JSON columns) live inside their owner's row and share its marking. The framework's own
        // account tables (user claims, logins, tokens), Data Protection keys and OpenID Connect clients and tokens are
        // platform-wide by nature (a client's region is its "tenant" property, checked on every token).
        var wrong = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned())
            .Where(e => !FrameworkShared.Contains(e.ClrType.Namespace))
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) == typeof(ISharedEntity).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.True(wrong.Count == 0, "Mark these ITenantOwned or ISharedEntity: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Tenant_owned_entities_have_the_named_tenant_query_filter()
    {
        using var db = Context();

        var unfiltered = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Where(e => e.FindDeclaredQueryFilter(EsRegionsDbContext.TenantFilter) is null)
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.Empty(unfiltered);
    }

    [Fact]
    public void Unique_indexes_of_tenant_tables_lead_with_tenant_id()
    {
        using var db = Context();

        var wrong = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique && i.Properties[0].Name != nameof(ITenantOwned.TenantId))
                .Select(i => $"{e.ClrType.Name}({string.Join(",", i.Properties.Select(p => p.Name))})"))
            .ToList();

        Assert.Empty(wrong);
    }
}
