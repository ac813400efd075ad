using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

public sealed class EndpointScopeTests(PostgresServer postgres) : AppTestBase(postgres)
{
    /// <summary>Endpoints meant to answer both on the platform and on every tenant's URL.</summary>
    private static readonly string[] Unscoped = ["error/{code:int}", "language/{culture}"];

    [Fact]
    public void Every_api_endpoint_and_page_declares_whether_it_is_tenant_or_platform_scoped()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/") || e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => !Unscoped.Contains(e.RoutePattern.RawText!.TrimStart('/')))
            .ToList();

        Assert.NotEmpty(endpoints);
        var unmarked = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointScope>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(unmarked.Count == 0, "Endpoints without [TenantScoped]/[PlatformScoped]: " + string.Join(", ", unmarked));
    }
}
