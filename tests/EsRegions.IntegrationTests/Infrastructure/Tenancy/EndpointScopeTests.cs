using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

public sealed class EndpointScopeTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public void Every_api_endpoint_and_page_declares_whether_it_is_tenant_platform_or_any_scoped()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/") || e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();

        Assert.NotEmpty(endpoints);
        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointScope>() is null && e.Metadata.GetMetadata<AnyScopeAttribute>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(unmarked.Count == 0, "Endpoints without [TenantScoped]/[PlatformScoped]/[AnyScope]: " + string.Join(", ", unmarked));
    }
}
