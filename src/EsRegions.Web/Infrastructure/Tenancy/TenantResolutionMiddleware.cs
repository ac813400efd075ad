using Serilog.Context;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>
/// Resolves the tenant once per request: first by host name (a tenant's own domain), then by the first path segment
/// (/{slug}/...), which then moves into PathBase so that routes are written once, without the slug.
/// An unknown slug resolves nothing (and so ends in 404); a suspended tenant answers 503. There is no default tenant.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.Length > 1 && path.IndexOf('/', 1) < 0 && registry.FindBySlug(path[1..]) is not null)
        {
            // "/mazowsze" → "/mazowsze/": relative links on the home page then resolve under the tenant.
            context.Response.Redirect(context.Request.PathBase + path + "/" + context.Request.QueryString);
            return;
        }
        var tenant = registry.FindByHost(context.Request.Host.Host) ?? ResolveFromPath(context);
        if (tenant is null)
        {
            await next(context);
            return;
        }
        if (!registry.IsActive(tenant))
        {
            // A browser gets the error page ("Ten region jest czasowo niedostępny") from the status code pages.
            if (Web.ErrorHandling.WantsHtmlPage(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Region unavailable",
                detail: $"The region '{tenant.Slug}' is suspended.").ExecuteAsync(context);
            return;
        }
        tenantContext.Set(tenant);
        using (LogContext.PushProperty("Tenant", tenant.Slug))
            await next(context);
    }

    private Tenant? ResolveFromPath(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.Length < 2 ? -1 : path.IndexOf('/', 1);
        if (end < 0) return null;
        var tenant = registry.FindBySlug(path[1..end]);
        if (tenant is null) return null;
        // new PathString, not the implicit conversion from string: that one unescapes again, so "%2500" sent by a
        // client (already decoded once to "%00" by the server) would turn into a NUL character.
        context.Request.PathBase = context.Request.PathBase.Add(new PathString(path[..end]));
        context.Request.Path = new PathString(path[end..]);
        return tenant;
    }
}
