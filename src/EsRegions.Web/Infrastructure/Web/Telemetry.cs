using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT setting is given
/// (environment or configuration; OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS and OTEL_RESOURCE_ATTRIBUTES work as
/// everywhere). Without it nothing is registered: no exporter, no cost. Traces: incoming requests, outgoing HTTP, PostgreSQL commands. Metrics: ASP.NET Core, the
/// runtime, Npgsql and the app's own <see cref="AppMetrics"/>. The tenant is a span tag, never a metric dimension
/// beyond the app's own counters, so cardinality stays bounded by the number of regions.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "esregions";
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            throw new ConfigurationErrorException($"{EndpointSetting} '{endpoint}' is not an absolute URL (e.g. http://otel-collector:4317).");

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString())
                .AddEnvironmentVariableDetector())
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpRequest = (activity, http) =>
                    {
                        var tenant = http.HttpContext.RequestServices.GetService<Tenancy.TenantContext>()?.Tenant;
                        if (tenant is not null) activity.SetTag("esregions.tenant", tenant.Slug);
                    };
                })
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(AppMetrics.MeterName)
                .AddOtlpExporter());
        return builder;
    }
}

/// <summary>The app's own counters: what an operator watches besides request rates.</summary>
public static class AppMetrics
{
    public const string MeterName = "EsRegions";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>E-mails accepted by the SMTP server, per tenant.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("esregions.emails.sent", "{email}");
    /// <summary>Failed delivery attempts (kind: transient = will retry, permanent = needs a person).</summary>
    public static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>("esregions.emails.failures", "{attempt}");
}
