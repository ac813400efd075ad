using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.BrowserTests.Features.Identity;

public sealed class AccountPagesAccessibilityTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    [Theory]
    [InlineData(null, "/mazowsze/konto/nie-pamietam-hasla")]
    [InlineData(null, "/mazowsze/konto/nowe-haslo?uid=00000000-0000-0000-0000-000000000000&token=x")]
    [InlineData(Policies.Roles.TenantAdmin, "/malopolska/uzytkownicy")]
    [InlineData(Policies.Roles.PlatformAdmin, "/admin/regiony")]
    [InlineData(Policies.Roles.Staff, "/lubelskie/konto")]
    public async Task Account_pages_have_no_accessibility_violation(string? role, string path)
    {
        var slug = path.Split('/')[1];
        if (role is not null) await SignInAsync(role, slug == "admin" ? "mazowsze" : slug); // the platform page ignores the region
        if (role == Policies.Roles.TenantAdmin) await App.CreateUserAsync("czlonek@mkres.example", "bardzo-dlugie-haslo-42", "malopolska", Policies.Roles.Secretary);

        var response = await OpenAsync(path);

        Assert.Equal(200, response!.Status);
        await AssertAccessibleAsync();
    }
}
