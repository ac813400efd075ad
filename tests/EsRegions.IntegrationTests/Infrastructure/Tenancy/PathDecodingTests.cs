using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

/// <summary>Moving the slug into PathBase must not decode the rest of the path a second time.</summary>
public sealed class PathDecodingTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task An_escaped_percent_after_the_slug_is_decoded_once_and_answers_404_not_500()
    {
        var response = await ClientAs(Policies.Roles.Staff, "mazowsze").GetAsync("/mazowsze/api/v1/plans/%2500%25ff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"instance\":\"/mazowsze/api/v1/plans/%00%ff\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
