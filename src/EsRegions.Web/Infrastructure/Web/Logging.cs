using Serilog;
using Serilog.Formatting.Compact;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>Structured logs: every line of a tenant request carries the tenant's slug (pushed by tenant resolution).</summary>
internal static class Logging
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", !builder.Environment.IsDevelopment());
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (json) log.WriteTo.Console(new RenderedCompactJsonFormatter());
            else log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Tenant} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        },
        // This app's logger for every ILogger, not the static Log.Logger: with it, the last host built in a process (the
        // test suite runs several side by side) received the others' lines, e.g. another host's unhandled exception.
        preserveStaticLogger: true);
        return builder;
    }
}
