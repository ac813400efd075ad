using System.Diagnostics;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics;

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
            else if (ctx.Exception is not null) ctx.ProblemDetails.Detail = "An unexpected error occurred. Quote the traceId when reporting it.";
        });

    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                TenantIsolationException => StatusCodes.Status403Forbidden,
                ConflictException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseWhen(ctx => WantsHtmlPage(ctx.Request), html => html.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(ctx => !WantsHtmlPage(ctx.Request), api => api.UseStatusCodePages());
        return app;
    }

    private static bool WantsHtmlPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
