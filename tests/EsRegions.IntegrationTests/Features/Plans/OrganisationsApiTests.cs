using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Plans;

public sealed class OrganisationsApiTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Staff = EsRegions.Web.Infrastructure.Security.Policies.Roles.Staff;

    [Fact]
    public async Task Api_without_credentials_is_401_problem_details()
    {
        var response = await Client.GetAsync("/mazowsze/api/v1/organisations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Register_lists_the_tenants_own_organisations_from_tenants_folder()
    {
        var list = await ClientAs(Staff, "warmia-mazury").GetFromJsonAsync<List<OrganisationDto>>("/warmia-mazury/api/v1/organisations", TestContext.Current.CancellationToken);

        Assert.Contains(list!, o => o.ShortName == "OWES Elbląg" && o.Kind == "SupportCentre");
        Assert.Contains(list!, o => o.ShortName == "RKRES");
    }

    [Fact]
    public async Task Tenant_a_cannot_read_tenant_b_organisations_through_the_api()
    {
        var ct = TestContext.Current.CancellationToken;
        var malopolskaStaff = ClientAs(Staff, "malopolska");
        var mazowszeStaff = ClientAs(Staff, "mazowsze");
        var malopolska = (await malopolskaStaff.GetFromJsonAsync<List<OrganisationDto>>("/malopolska/api/v1/organisations", ct))!;
        var mazowsze = (await mazowszeStaff.GetFromJsonAsync<List<OrganisationDto>>("/mazowsze/api/v1/organisations", ct))!;
        var gus = malopolska.Single(o => o.ShortName == "GUS");

        var crossRead = await mazowszeStaff.GetAsync($"/mazowsze/api/v1/organisations/{gus.Id}", ct);
        var ownRead = await malopolskaStaff.GetAsync($"/malopolska/api/v1/organisations/{gus.Id}", ct);
        var foreignRoute = await malopolskaStaff.GetAsync("/mazowsze/api/v1/organisations", ct);

        Assert.Equal(HttpStatusCode.NotFound, crossRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignRoute.StatusCode);
        Assert.Empty(mazowsze.Select(o => o.Id).Intersect(malopolska.Select(o => o.Id)));
        Assert.DoesNotContain(mazowsze, o => o.Name.Contains("Krakowie"));
    }

    [Fact]
    public async Task Loading_tenant_data_twice_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Staff, "lubelskie");
        var before = (await staff.GetFromJsonAsync<List<OrganisationDto>>("/lubelskie/api/v1/organisations", ct))!.Count;

        await App.Services.GetRequiredService<EsRegions.Web.Infrastructure.Tenancy.TenantDataLoading>().LoadAllAsync(ct);

        var after = (await staff.GetFromJsonAsync<List<OrganisationDto>>("/lubelskie/api/v1/organisations", ct))!.Count;
        Assert.Equal(before, after);
    }
}
