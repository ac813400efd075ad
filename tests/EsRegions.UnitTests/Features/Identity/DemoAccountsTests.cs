using EsRegions.Web.Features.Identity;

namespace EsRegions.UnitTests.Features.Identity;

/// <summary>ops/run.sh prints ops/demo-accounts.txt: it must name the accounts the app really creates.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public void Printed_demo_accounts_match_the_seeded_ones()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "ops", "demo-accounts.txt"));

        Assert.Contains(DemoAccounts.Password, text);
        Assert.Contains(DemoAccounts.PlatformAdminEmail, text);
        Assert.Contains($"client_secret {DemoAccounts.ClientSecret}", text);
        Assert.Contains(DemoAccounts.ClientId("{region}"), text);
        foreach (var (local, _, role) in DemoAccounts.PerTenant)
        {
            Assert.Contains(DemoAccounts.Email(local, "{region}"), text);
            Assert.Contains($"({role})", text);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EsRegions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found");
    }
}
