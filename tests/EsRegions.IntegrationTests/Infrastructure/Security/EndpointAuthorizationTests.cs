using EsRegions.IntegrationTests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Security;

public sealed class EndpointAuthorizationTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public void Every_page_and_endpoint_states_its_authorization_policy_or_that_it_is_public()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // The Hangfire dashboard authorizes inside itself (PlatformAdmin only, tested in OutboxPageTests).
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("hangfire"))
            .ToList();

        var silent = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count > 10, "the app's endpoints were found");
        Assert.True(silent.Count == 0, "Give these [Authorize(Policy=…)] or [AllowAnonymous]: " + string.Join(", ", silent));
    }
}
