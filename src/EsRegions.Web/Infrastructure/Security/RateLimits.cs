using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EsRegions.Web.Infrastructure.Security;

/// <summary>
/// Per-address limits on the endpoints a guesser would hammer: password sign-in, password reset, the token endpoint
/// (policy <see cref="SignIn"/>, POSTs only, RateLimits:SignInPerMinute, default 10) and personal e-mail links
/// (Infrastructure/Links). A refused request gets 429 with Retry-After and never reaches the handler.
/// Pages that each hold tens of megabytes while they render (policy <see cref="HeavyPage"/>, e.g. the tree of a
/// 2,000-action plan) take turns instead: as many at once as the instance has cores, the rest wait in order.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string HeavyPage = "heavy-page";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var heavyPagesAtOnce = Math.Max(1, configuration.GetValue("RateLimits:HeavyPagesAtOnce", Environment.ProcessorCount));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Showing the form costs nothing; only the attempts count.
            o.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? PerAddress(http, SignIn, signInPerMinute)
                : RateLimitPartition.GetNoLimiter("get"));
            // One queue per instance, not per address: the point is the instance's memory (docs/performance.md: 16
            // plan pages rendered at once took the process to 670 MB). Rendering is CPU-bound, so more at once than
            // cores would not finish any sooner; waiting requests are served oldest first and only a very long queue
            // is refused.
            o.AddPolicy(HeavyPage, _ => RateLimitPartition.GetConcurrencyLimiter(HeavyPage, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = heavyPagesAtOnce,
                QueueLimit = 512,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        });
        return services;
    }

    /// <summary>A fixed one-minute window per client address (behind a proxy: the forwarded address, see App:BehindProxy).</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
