using System.Diagnostics;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Infrastructure.Tenancy;

/// <summary>Runs the real app binary, as an operator would, with a broken tenants/ directory.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task Broken_tenant_json_stops_startup_with_one_message_naming_file_and_json_path()
    {
        var tenants = TenantsCopy.Create(json => json.Replace("\"slug\": \"mazowsze\"", "\"slug\": \"Mazowsze!\""));
        var malopolska = Path.Combine(tenants.Directory, "malopolska", "tenant.json");
        File.WriteAllText(malopolska, File.ReadAllText(malopolska)
            .Replace("\"postalCode\": \"30-070\"", "\"postalCode\": \"30070\"")
            .Replace("\"timeZone\": \"Europe/Warsaw\"", "\"timeZone\": \"Europe/Krakow-Nowhere\""));

        var (exitCode, output) = await RunAppAsync(tenants.Directory);

        Assert.Equal(2, exitCode);
        Assert.Contains("tenants.json: $.tenants[0].slug", output);
        Assert.Contains("malopolska/tenant.json: $.operator.address.postalCode", output);
        Assert.Contains("malopolska/tenant.json: $.timeZone", output);
        Assert.DoesNotContain("   at ", output); // a message, not a stack trace
    }

    [Fact]
    public async Task Production_without_token_signing_certificates_stops_with_a_message_naming_the_settings()
    {
        var (exitCode, output) = await RunAppAsync(TenantsCopy.RepositoryTenants());

        Assert.Equal(2, exitCode);
        Assert.Contains("OpenIddict:SigningCertificate:Path", output);
        Assert.DoesNotContain("   at ", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(string tenantsDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EsRegions.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["Tenancy__Directory"] = tenantsDirectory;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__App"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr + await stdout);
    }
}
