using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Plans;

public sealed class OrganisationRegisterLoaderTests
{
    [Fact]
    public void Invalid_register_reports_every_entry_with_its_path_and_stores_nothing()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            { "organisations": [
                { "shortName": "ROPS", "name": "ROPS", "kind": "Regional" },
                { "shortName": "OWES", "kind": "SupportCentre" },
                { "shortName": "ROPS", "name": "Drugi ROPS", "kind": "Other" }
            ] }
            """);

        var ex = Assert.Throws<TenantConfigurationException>(() => OrganisationRegisterLoader.Read(file, "tenants/x/organisations.json"));

        Assert.Contains(ex.Errors, e => e.StartsWith("tenants/x/organisations.json: $.organisations[0].kind: 'Regional' is not one of"));
        Assert.Contains("tenants/x/organisations.json: $.organisations[1].name: is required", ex.Errors);
    }

    [Fact]
    public void Repository_registers_are_valid()
    {
        var tenants = Path.Combine(AppContext.BaseDirectory, "tenants");

        foreach (var file in Directory.GetFiles(tenants, OrganisationRegisterLoader.FileName, SearchOption.AllDirectories))
            Assert.NotEmpty(OrganisationRegisterLoader.Read(file, file));
    }
}
