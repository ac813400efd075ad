using System.Collections.Concurrent;
using Npgsql;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>
/// What this instance has heard of changes in the database, for caches that must not outlive the data they were
/// built from. Database triggers call <c>pg_notify('esregions_changes', topic)</c> when rows a cache depends on change
/// (migration <c>ChangeNotifications</c>: published values, the indicator catalogue and populations as
/// <see cref="Topics.Comparison"/>; monitoring values and tracks as <see cref="Topics.PlanStatus"/> of their plan);
/// <see cref="ChangeFeedListener"/> listens on one connection of its own and counts each topic here.
/// </summary>
/// <remarks>
/// A cache keys its entries with <see cref="TryGetStamp"/>: the stamp moves with every notification of the topic, so an
/// entry built before a change is never served after the notification arrived (milliseconds after the commit, on
/// every instance). Notifications sent while the listener was not connected are lost, so each new connection starts
/// a new epoch, which changes every stamp; while there is no connection there is no stamp and callers read the
/// database. The instance that made a change also calls <see cref="Changed"/> itself after its commit, so its own
/// next request never waits for the notification to come back.
/// </remarks>
public sealed class ChangeFeed
{
    public const string Channel = "esregions_changes";

    public static class Topics
    {
        /// <summary>Published indicator values, the indicator catalogue and the populations (the cross-region comparison).</summary>
        public const string Comparison = "comparison";

        /// <summary>Monitoring values and tracks of one plan (the status marks of its tree).</summary>
        public static string PlanStatus(Guid planId) => $"plan-status:{planId:D}";
    }

    /// <summary>
    /// The longest a cache that relies on this feed keeps an entry, whatever it heard: a safety net for a notification
    /// lost on the way (e.g. a transaction-mode pooler between the app and PostgreSQL accepts LISTEN and delivers nothing).
    /// </summary>
    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _epoch;
    private volatile bool _listening;

    /// <summary>The stamp of a topic; false while no notification can be heard (cache nothing, read the database).</summary>
    public bool TryGetStamp(string topic, out ChangeStamp stamp)
    {
        // The epoch is read before and after the count: a reconnection in between (a new epoch) gives no stamp.
        var epoch = Volatile.Read(ref _epoch);
        if (!_listening)
        {
            stamp = default;
            return false;
        }
        stamp = new ChangeStamp(epoch, _counts.GetValueOrDefault(topic));
        return _listening && Volatile.Read(ref _epoch) == epoch;
    }

    /// <summary>A change of the topic has been committed (heard from the database, or made by this instance).</summary>
    public void Changed(string topic) => _counts.AddOrUpdate(topic, 1, static (_, n) => n + 1);

    /// <summary>The listener is connected and listening: a new epoch begins (whatever happened before is unknown).</summary>
    internal void Connected()
    {
        Interlocked.Increment(ref _epoch);
        _listening = true;
    }

    /// <summary>The listener lost its connection: no stamps until it listens again.</summary>
    internal void Disconnected()
    {
        _listening = false;
        Interlocked.Increment(ref _epoch);
    }
}

/// <summary>Where a topic stood when a cache entry was built: the listener's epoch and the topic's count in it.</summary>
public readonly record struct ChangeStamp(long Epoch, long Count);

/// <summary>
/// Keeps one connection (the app role's) listening on <see cref="ChangeFeed.Channel"/>; reconnects after a failure
/// with a growing pause (at most 30 s), and checks an idle connection every 30 s so that a dead one is noticed.
/// </summary>
internal sealed class ChangeFeedListener(ChangeFeed feed, IConfiguration configuration, ILogger<ChangeFeedListener> logger) : BackgroundService
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("App");
        if (string.IsNullOrEmpty(connectionString)) return;
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                feed.Disconnected();
                logger.LogWarning("Change notifications interrupted ({Error}); caches read the database until they resume", ex.Message);
                try { await Task.Delay(pause, stoppingToken); }
                catch (OperationCanceledException) { break; }
                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
                continue;
            }
            pause = TimeSpan.FromSeconds(1);
        }
        feed.Disconnected();
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        // Not from the app's pool: this connection is held for the life of the process.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "esregions-change-feed" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => feed.Changed(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFeed.Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        feed.Connected();
        logger.LogInformation("Listening for change notifications");
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(IdleCheck, ct))
                {
                    // Nothing heard for a while: make sure the connection is alive (a dead one throws here).
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(ct);
                }
            }
        }
        finally
        {
            feed.Disconnected();
        }
    }
}
