using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Infrastructure.Web;

/// <summary>OTLP export switched on by the standard setting, received by a plain HTTP listener (OTLP/HTTP protobuf).</summary>
public sealed class TelemetryTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private readonly int _port = FreePorts.Next();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private HttpListener? _collector;

    protected override Task BeforeAppStartsAsync()
    {
        _collector = new HttpListener();
        _collector.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _collector.Start();
        _ = Task.Run(async () =>
        {
            while (_collector.IsListening)
            {
                try
                {
                    var context = await _collector.GetContextAsync();
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception) when (!_collector.IsListening) { }
            }
        });
        return Task.CompletedTask;
    }

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = new EsRegionsAppFactory(database);
        factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{_port}";
        factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        factory.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        return factory;
    }

    protected override ValueTask AfterAppStoppedAsync()
    {
        _collector?.Close();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Requests_are_exported_as_otlp_traces_of_the_esregions_service_with_the_tenant()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/mazowsze/", ct)).StatusCode);

        var until = DateTime.UtcNow.AddSeconds(30);
        bool Exported() => _received.Any(r => r.Path == "/v1/traces" && Contains(r.Body, "esregions") && Contains(r.Body, "mazowsze"));
        while (!Exported() && DateTime.UtcNow < until) await Task.Delay(200, ct);

        Assert.True(Exported(), $"no trace with service esregions and tenant mazowsze; received: {string.Join(", ", _received.Select(r => r.Path))}");
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
