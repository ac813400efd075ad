using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;

namespace EsRegions.IntegrationTests.Features.Tenancy;

public sealed class TenantsApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Lists_the_four_active_regions_with_the_contract_fields()
    {
        var tenants = await Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tenants", TestContext.Current.CancellationToken);

        Assert.Equal(["mazowsze", "malopolska", "warmia-mazury", "lubelskie"], tenants!.Select(t => t.GetProperty("slug").GetString()));
        var lubelskie = tenants!.Single(t => t.GetProperty("slug").GetString() == "lubelskie");
        Assert.Equal("Województwo lubelskie", lubelskie.GetProperty("name").GetString());
        Assert.Equal("Regionalny Ośrodek Polityki Społecznej w Lublinie", lubelskie.GetProperty("operatorName").GetString());
        Assert.Equal("Zespół ekspertów ds. wdrażania i promocji ekonomii społecznej w województwie lubelskim",
            lubelskie.GetProperty("committeeName").GetString());
    }
}
