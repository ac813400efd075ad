using System.Diagnostics;
using Npgsql;

namespace EsRegions.IntegrationTests.Support;

/// <summary>
/// A real PostgreSQL server for the whole test assembly: the one named by TEST_PG_CONNECTION (a superuser
/// connection string), or a private throw-away cluster started from the machine's PostgreSQL binaries.
/// Creates the owner and app roles the way ops/db/init.sql does, and one database per test class.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string OwnerRole = "esregions_owner";
    public const string AppRole = "esregions_app";
    private const string Password = "test";
    private string? _dataDir;
    private int _nextDatabase;

    public string SuperuserConnection { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        SuperuserConnection = Environment.GetEnvironmentVariable("TEST_PG_CONNECTION") ?? await StartClusterAsync();
        await ExecuteAsync(SuperuserConnection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                CREATE ROLE {OwnerRole} LOGIN PASSWORD '{Password}' NOSUPERUSER;
              END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN PASSWORD '{Password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
              END IF;
            END $$;
            """);
    }

    /// <summary>A fresh, empty database owned by the owner role; returns (app, owner) connection strings.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = $"esr_test_{Environment.ProcessId}_{Interlocked.Increment(ref _nextDatabase)}";
        await ExecuteAsync(SuperuserConnection, $"CREATE DATABASE {name} OWNER {OwnerRole}");
        var builder = new NpgsqlConnectionStringBuilder(SuperuserConnection) { Database = name, Password = Password, Pooling = true };
        builder.Username = AppRole;
        var app = builder.ConnectionString;
        builder.Username = OwnerRole;
        return new TestDatabase(name, app, builder.ConnectionString);
    }

    /// <summary>Connection strings of another database on this server (e.g. one a test restored), as the same roles.</summary>
    public TestDatabase Derive(TestDatabase database, string name) => new(name,
        new NpgsqlConnectionStringBuilder(database.AppConnection) { Database = name }.ConnectionString,
        new NpgsqlConnectionStringBuilder(database.OwnerConnection) { Database = name }.ConnectionString);

    /// <summary>Closes the class's pooled connections and drops its database, so long runs do not pile up connections.</summary>
    public async Task DropDatabaseAsync(TestDatabase database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(database.AppConnection));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(database.OwnerConnection));
        await ExecuteAsync(SuperuserConnection, $"DROP DATABASE IF EXISTS {database.Name} WITH (FORCE)");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StartClusterAsync()
    {
        var bin = FindPostgresBin();
        _dataDir = Directory.CreateTempSubdirectory("pgtest-").FullName;
        var port = FreePorts.Next();
        var asPostgres = Environment.UserName == "root";
        if (asPostgres) await RunAsync("chown", $"-R postgres:postgres {_dataDir}");
        await RunPgAsync(asPostgres, Path.Combine(bin, "initdb"), $"-D {_dataDir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N");
        await RunPgAsync(asPostgres, Path.Combine(bin, "pg_ctl"),
            $"-D {_dataDir}/data -l {_dataDir}/pg.log -w -t 60 start -o \"-c listen_addresses=127.0.0.1 -p {port} -k {_dataDir} " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\"");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is null) return;
        var bin = FindPostgresBin();
        await RunPgAsync(Environment.UserName == "root", Path.Combine(bin, "pg_ctl"), $"-D {_dataDir}/data -m immediate -w stop");
        Directory.Delete(_dataDir, recursive: true);
    }

    private static string FindPostgresBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
              ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: run ops/test.sh (it installs them) or set TEST_PG_CONNECTION.")
            : throw new InvalidOperationException("PostgreSQL is not installed: run ops/test.sh (it installs it) or set TEST_PG_CONNECTION.");

    private static Task RunPgAsync(bool asPostgres, string file, string arguments) =>
        asPostgres ? RunAsync("runuser", $"-u postgres -- {file} {arguments}") : RunAsync(file, arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}

public sealed record TestDatabase(string Name, string AppConnection, string OwnerConnection);
