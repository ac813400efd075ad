using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>The cross-cutting web pipeline shared by every module.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddErrorHandling();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddEmailLinks(builder.Configuration);
        builder.Services.AddUiLocalization();
        builder.Services.AddApiDocumentation();
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o => o.Filters.Add<LocalizedModelErrors>());
        // Polish letters as they are, not as &#x142; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "esr.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>Order matters: errors, headers, tenant (rewrites PathBase), then static files, culture, routing.</summary>
    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // The host does not dispose the web root's file provider, whose watcher (asp-append-version watches wwwroot)
        // holds an inotify instance until a finaliser runs: test suites that build hundreds of apps in one process
        // reached Linux's limit of 128 ("The configured user limit (128) on the number of inotify instances").
        app.Lifetime.ApplicationStopped.Register(() => (app.Environment.WebRootFileProvider as IDisposable)?.Dispose());
        if (app.Configuration.GetValue("App:BehindProxy", false)) app.UseForwardedHeaders();
        app.UseErrorHandling();
        // HSTS on HTTPS requests only (behind the TLS proxy: App:BehindProxy), never for localhost.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseTenantResolution();
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {PathBase}{RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // This app's logger, not the static Log.Logger, which the last app built in the process owns (two test hosts
            // side by side wrote each other's request lines).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("PathBase", http.Request.PathBase.Value ?? "");
        });
        // A client that went away (a closed tab, a load test stopping) cancels the request's work. That is not a server
        // error, but Serilog logs every request that ends in an exception as 500 at Error level, stack trace included.
        // Ended here, the request is logged as 499 (nginx's "client closed request", also what the exception handler
        // would answer) at Information level, so error alerts and 5xx counts stay about the server.
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            // The cancellation may arrive wrapped: a database driver or a library reports the cancelled operation as
            // its own exception with the OperationCanceledException inside.
            catch (Exception ex) when (http.RequestAborted.IsCancellationRequested && CausedByCancellation(ex))
            {
                if (!http.Response.HasStarted) http.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // Before authentication: the OpenID server checks client secrets there, and a limited guess must not reach it.
        app.UseRateLimiter();
        app.UseSecurity();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapApiDocumentation();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }

    private static bool CausedByCancellation(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is OperationCanceledException) return true;
        return false;
    }
}
