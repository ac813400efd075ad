using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Short-term resilience around one SMTP send: a couple of quick retries with jitter for 4xx answers and I/O errors,
/// a circuit breaker while the server is down (so a batch stops hammering it), and a timeout per attempt.
/// Long waits are not here: they live in the outbox row's next_attempt_at.
/// </summary>
public static class SmtpResilience
{
    public const string PipelineKey = "smtp";

    /// <summary>4xx answers and connection problems are worth retrying; 5xx answers are final.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutRejectedException => true,
        _ => false,
    };

    public static ResiliencePipeline Build(TimeSpan attemptTimeout, TimeSpan breakDuration) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(300),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = 3,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = breakDuration,
            })
            .AddTimeout(attemptTimeout)
            .Build();

    /// <summary>A short description of a failure for the outbox page: the server's answer, never a stack trace.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException c => $"{(int)c.StatusCode} {c.Message}",
        // MailKit raises this for the server's 530 answer: it wants credentials we were not configured with.
        ServiceNotAuthenticatedException => $"530 {ex.Message}",
        BrokenCircuitException => "SMTP server unavailable (circuit open)",
        TimeoutRejectedException => "SMTP server did not answer in time",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
