using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EsRegions.Web.Infrastructure.Links;

/// <summary>
/// Marks a Razor page opened from a personal e-mail link: the response is never cached and never leaks the link as a
/// Referer. Such a page must also carry [EnableRateLimiting(EmailLinkPages.RateLimitPolicy)] (a test checks every one;
/// Razor Pages take rate-limit metadata from the page model's attributes, not from application-model conventions).
/// Pages show the shared "_InvalidLink" partial with status 404 for any link <see cref="EmailLinks.ResolveAsync"/>
/// rejects.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EmailLinkPageAttribute : Attribute, IAsyncPageFilter, IOrderedFilter
{
    public int Order => 0;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        return next();
    }
}

public static class EmailLinkPages
{
    public const string RateLimitPolicy = "email-links";

    /// <summary>The link service, and the per-address limit of link pages (RateLimits:EmailLinksPerMinute, default 60).</summary>
    public static IServiceCollection AddEmailLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EmailLinks>();
        var perMinute = configuration.GetValue("RateLimits:EmailLinksPerMinute", 60);
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http => RateLimits.PerAddress(http, RateLimitPolicy, perMinute)));
        return services;
    }
}
