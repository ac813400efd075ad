using System.Diagnostics;
using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace EsRegions.IntegrationTests.Ops;

/// <summary>ops/backup.sh and ops/restore.sh, run as an operator would, against this run's PostgreSQL.</summary>
public sealed class BackupRestoreTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task A_backup_restored_into_a_new_database_has_every_row_and_serves_the_same_plans()
    {
        var ct = TestContext.Current.CancellationToken;
        var original = await ClientAs(Policies.Roles.Staff, "malopolska").GetStringAsync("/malopolska/api/v1/plans", ct);
        var dump = Path.Combine(Directory.CreateTempSubdirectory("esr-backup-").FullName, "esregions.dump");
        var restoredName = App.Database.Name + "_restored";

        var backup = await RunScriptAsync("backup.sh", App.Database.Name, dump);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Contains("BACKUP ", backup.Output);
        Assert.True(File.Exists(dump + ".counts"), "the row-count manifest is written beside the dump");

        var restore = await RunScriptAsync("restore.sh", null, dump, restoredName);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains($"RESTORE {restoredName} ok", restore.Output);
        Assert.Contains("match", restore.Output);

        var restored = Postgres.Derive(App.Database, restoredName);
        try
        {
            await using var app = new EsRegionsAppFactory(restored);
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.As(Policies.Roles.Staff, app.TenantId("malopolska")));
            Assert.Equal(original, await client.GetStringAsync("/malopolska/api/v1/plans", ct));
        }
        finally
        {
            await Postgres.DropDatabaseAsync(restored);
        }
    }

    [Fact]
    public async Task Restore_refuses_an_existing_database_and_a_file_that_is_not_a_dump()
    {
        var notADump = Path.GetTempFileName();
        await File.WriteAllTextAsync(notADump, "SELECT 1;", TestContext.Current.CancellationToken);

        var intoExisting = await RunScriptAsync("restore.sh", null, notADump, App.Database.Name);
        Assert.NotEqual(0, intoExisting.ExitCode);
        Assert.Contains("not a pg_dump custom-format archive", intoExisting.Output);

        var dump = Path.Combine(Directory.CreateTempSubdirectory("esr-backup-").FullName, "esregions.dump");
        Assert.Equal(0, (await RunScriptAsync("backup.sh", App.Database.Name, dump)).ExitCode);
        var overExisting = await RunScriptAsync("restore.sh", null, dump, App.Database.Name);
        Assert.NotEqual(0, overExisting.ExitCode);
        Assert.Contains("already exists", overExisting.Output);
    }

    private async Task<(int ExitCode, string Output)> RunScriptAsync(string script, string? database, params string[] args)
    {
        var server = new NpgsqlConnectionStringBuilder(Postgres.SuperuserConnection);
        var psi = new ProcessStartInfo("bash", [Repository.Path("ops", script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PGHOST"] = server.Host;
        psi.Environment["PGPORT"] = server.Port.ToString();
        psi.Environment["PGUSER"] = server.Username;
        if (server.Password is not null) psi.Environment["PGPASSWORD"] = server.Password;
        if (database is not null) psi.Environment["PGDATABASE"] = database;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
