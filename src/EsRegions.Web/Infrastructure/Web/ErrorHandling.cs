using System.Diagnostics;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// RFC 9457 problem details for every error response of the API and for non-HTML clients; browsers asking for a
/// page get a short Polish error page instead. Stack traces never leave the server.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.PathBase + ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Extensions.Remove("exception");
            // A lifecycle conflict explains itself; anything else unexpected says only what to quote.
            if (ctx.Exception is ConflictException conflict) ctx.ProblemDetails.Detail = conflict.Message;
            else if (ctx.Exception is not null && IsDatabaseUnavailable(ctx.Exception))
            {
                ctx.ProblemDetails.Detail = "The database is unavailable for a moment. Nothing was saved; retry in a few seconds.";
                ctx.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            }
            else if (ctx.Exception is not null) ctx.ProblemDetails.Detail = "An unexpected error occurred. Quote the traceId when reporting it.";
        });

    /// <summary>
    /// The outer handler writes a problem document (the API's, and a browser's when its error page itself fails); inside
    /// it a browser's page or form gets the error page instead, for an exception (with the conflict's reason or the
    /// trace id) as for an error status without a body.
    /// </summary>
    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseWhen(ctx => WantsHtmlPage(ctx.Request), html =>
        {
            html.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = ErrorPagePath, StatusCodeSelector = StatusFor });
            html.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}");
        });
        app.UseWhen(ctx => !WantsHtmlPage(ctx.Request), api => api.UseStatusCodePages());
        return app;
    }

    internal const string ErrorPagePath = "/error";

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        TenantIsolationException => StatusCodes.Status403Forbidden,
        ConflictException => StatusCodes.Status409Conflict,
        _ when IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    internal const string RetryAfterSeconds = "5";

    /// <summary>
    /// True when the request failed because PostgreSQL cannot be reached or refused the work for a transient reason
    /// (restart, shutdown, connection refused, too many connections, serialization failure): the client gets 503 with
    /// Retry-After instead of 500, since retrying later is the right answer and nothing was committed.
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// A browser's request outside the API: a page it opens, or a form it sends (a form answered with 404 or 403, e.g. a
    /// meeting cancelled meanwhile in another tab, showed the browser a JSON problem document).
    /// </summary>
    internal static bool WantsHtmlPage(HttpRequest request) =>
        !IsApi(request.Path)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The platform's API (/api/...) or a region's (/{slug}/api/...; the slug is still in the path before tenant
    /// resolution): its errors are problem documents whoever asks, a browser opening an API address included.
    /// </summary>
    private static bool IsApi(PathString path)
    {
        if (path.StartsWithSegments("/api")) return true;
        var value = path.Value ?? "";
        var second = value.Length < 2 ? -1 : value.IndexOf('/', 1);
        return second > 0 && new PathString(value[second..]).StartsWithSegments("/api");
    }
}
