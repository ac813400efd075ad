using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace EsRegions.IntegrationTests.Infrastructure.Web;

/// <summary>The request log, read through a Serilog sink added to the app (the app reads sinks from its services).</summary>
public sealed class RequestLoggingTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private readonly CapturingSink _log = new();
    private readonly TaskCompletionSource _invitationsRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database)
    {
        var factory = base.CreateFactory(database);
        factory.ReplaceServices = services =>
        {
            services.AddSingleton<ILogEventSink>(_log);
            services.AddSingleton<IStartupFilter>(new SignalWhenBodyRead("/invitations", _invitationsRead));
            services.AddSingleton<IStartupFilter>(new WrappedCancellation("/test/wrapped-cancellation", _waiting));
        };
        return factory;
    }

    /// <summary>
    /// The static Serilog logger stays Serilog's silent default: had the app installed its logger there, the last host
    /// built in the process would receive every host's framework lines (the suite runs several side by side, and another
    /// host's unhandled exception once showed up in this class's sink).
    /// </summary>
    [Fact]
    public async Task The_app_logs_through_its_own_logger_and_leaves_the_static_one_alone()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        Assert.IsNotType<Serilog.Core.Logger>(Serilog.Log.Logger);
        Assert.IsType<Serilog.Core.Logger>(App.Services.GetRequiredService<Serilog.ILogger>());
    }

    [Fact]
    public async Task A_request_the_client_abandons_is_logged_as_499_at_information_level_without_a_stack_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = ClientAs(Policies.Roles.Secretary, "mazowsze");
        var created = await secretary.PostAsJsonAsync("/mazowsze/api/v1/meetings", new
        {
            title = "Posiedzenie MKRES", kind = "sitting", startsAt = "2026-03-17T10:00:00", endsAt = "2026-03-17T12:00:00", location = "Warszawa",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = created.Headers.Location!.ToString();
        // 2,000 invitations take the app a few hundred milliseconds; the client gives up once the app has read them.
        var recipients = Enumerable.Range(1, 2000).Select(i => new { name = $"Osoba {i}", email = $"osoba{i}@example.org" }).ToList();
        using (var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var sending = secretary.PostAsJsonAsync($"{meeting}/invitations", new { recipients }, giveUp.Token);
            await _invitationsRead.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }

        var path = meeting["/mazowsze".Length..] + "/invitations";
        var completion = await Poll.ForAsync(() => _log.Events.FirstOrDefault(e => Property(e, "RequestPath") == path && Property(e, "RequestMethod") == "POST"));

        Assert.True(completion is not null, "no request log entry for the call; logged: " +
            string.Join(" | ", _log.Events.Select(e => $"{e.Level} {e.RenderMessage()}").TakeLast(15)));
        Assert.Equal("499", Property(completion, "StatusCode"));
        Assert.Equal(LogEventLevel.Information, completion.Level);
        Assert.Null(completion.Exception);
        Assert.DoesNotContain(_log.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task A_cancellation_a_library_wraps_in_its_own_exception_is_logged_as_499_too()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var request = Client.GetAsync("/test/wrapped-cancellation", giveUp.Token);
            await _waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }

        var completion = await Poll.ForAsync(() => _log.Events.FirstOrDefault(e => Property(e, "RequestPath") == "/test/wrapped-cancellation"));

        Assert.True(completion is not null, "no request log entry for the call");
        Assert.Equal("499", Property(completion, "StatusCode"));
        Assert.Equal(LogEventLevel.Information, completion.Level);
        Assert.Null(completion.Exception);
    }

    private static string? Property(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Outermost middleware: reads the whole body of a request to a path ending in <paramref name="suffix"/> (buffered,
    /// so the app reads it again) and then signals, so the client cancels while the app works, not while it uploads.
    /// </summary>
    private sealed class SignalWhenBodyRead(string suffix, TaskCompletionSource signal) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Path.Value?.EndsWith(suffix, StringComparison.Ordinal) == true)
                {
                    http.Request.EnableBuffering();
                    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                    http.Request.Body.Position = 0;
                    signal.TrySetResult();
                }
                await nextMiddleware(http);
            });
            next(app);
        };
    }

    /// <summary>
    /// Innermost: a request to <paramref name="path"/> waits until the client leaves, then fails as a driver does when
    /// its operation is cancelled — with its own exception around the OperationCanceledException.
    /// </summary>
    private sealed class WrappedCancellation(string path, TaskCompletionSource waiting) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Path != path) { await nextMiddleware(http); return; }
                waiting.TrySetResult();
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); }
                catch (OperationCanceledException cancelled) { throw new InvalidOperationException("Exception while reading from stream", cancelled); }
            });
        };
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();
        public IReadOnlyCollection<LogEvent> Events => _events;
        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
