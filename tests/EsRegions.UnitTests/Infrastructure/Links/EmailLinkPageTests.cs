using System.Reflection;
using EsRegions.Web.Infrastructure.Links;
using Microsoft.AspNetCore.RateLimiting;

namespace EsRegions.UnitTests.Infrastructure.Links;

public sealed class EmailLinkPageTests
{
    private static readonly Type[] LinkPages = typeof(EmailLinks).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(EmailLinkPageAttribute), inherit: true)).ToArray();

    [Fact]
    public void Every_page_opened_from_an_email_link_is_rate_limited_by_the_link_policy()
    {
        var unlimited = LinkPages
            .Where(t => t.GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName != EmailLinkPages.RateLimitPolicy)
            .Select(t => t.FullName);

        Assert.NotEmpty(LinkPages);
        Assert.Empty(unlimited);
    }
}
