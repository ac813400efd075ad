using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Infrastructure.Tenancy;

public sealed class TenantContextTests
{
    private static Tenant Region(string slug) => new(Guid.NewGuid(), slug, slug, slug, [], TenantState.Active, null!);

    [Fact]
    public void Tenant_of_a_scope_cannot_be_changed_once_set()
    {
        var context = new TenantContext();
        context.Set(Region("mazowsze"));

        Assert.Throws<InvalidOperationException>(() => context.Set(Region("malopolska")));
    }

    [Fact]
    public void Code_that_needs_a_tenant_fails_outside_a_tenant_scope()
    {
        var context = new TenantContext();

        Assert.False(context.HasTenant);
        Assert.Throws<InvalidOperationException>(() => context.Required);
    }
}
