using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace EsRegions.Web.Infrastructure.Links;

/// <summary>
/// Marks a Razor page opened from a personal e-mail link: the response is never cached and never leaks the link as a
/// Referer, and the page is rate-limited per client address (policy <see cref="RateLimitPolicy"/>). Pages show the
/// shared "_InvalidLink" partial with status 404 for any link <see cref="EmailLinks.ResolveAsync"/> rejects.
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
        services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new RateLimitLinkPages()));
        var perMinute = configuration.GetValue("RateLimits:EmailLinksPerMinute", 60);
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http => RateLimits.PerAddress(http, RateLimitPolicy, perMinute)));
        return services;
    }
}

/// <summary>Every page marked [EmailLinkPage] gets the link rate limit, so no page can forget it.</summary>
internal sealed class RateLimitLinkPages : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.IsDefined(typeof(EmailLinkPageAttribute), inherit: true))
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(EmailLinkPages.RateLimitPolicy));
    }
}
