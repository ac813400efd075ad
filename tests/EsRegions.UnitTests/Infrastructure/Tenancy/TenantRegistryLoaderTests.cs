using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Infrastructure.Tenancy;

public sealed class TenantRegistryLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("esr-registry-").FullName;

    private static string RepositoryTenants => Path.Combine(AppContext.BaseDirectory, "tenants");

    [Fact]
    public void Repository_tenants_load_with_the_four_regions_and_their_operators()
    {
        var registry = TenantRegistryLoader.Load(RepositoryTenants);

        Assert.Equal(["mazowsze", "malopolska", "warmia-mazury", "lubelskie"], registry.All.Select(t => t.Slug));
        Assert.Equal("Mazowieckie Centrum Polityki Społecznej", registry.FindBySlug("mazowsze")!.Settings.Operator.Name);
        Assert.Equal("Kraków", registry.FindBySlug("malopolska")!.Settings.Operator.Address.City);
        Assert.Equal("RKRES", registry.FindBySlug("warmia-mazury")!.Settings.Committee.ShortName);
        Assert.Equal("expertTeam", registry.FindBySlug("lubelskie")!.Settings.Committee.Kind);
        Assert.All(registry.All, t => Assert.Equal("Europe/Warsaw", t.Settings.TimeZone));
    }

    [Fact]
    public void Plan_levels_follow_each_regions_documents()
    {
        var registry = TenantRegistryLoader.Load(RepositoryTenants);

        Assert.Equal(["Cel główny", "Cel szczegółowy", "Kierunek interwencji", "Działanie"],
            registry.FindBySlug("mazowsze")!.Settings.PlanLevels.Select(l => l.Label));
        Assert.Equal(["Cel szczegółowy", "Priorytet", "Kierunek interwencji", "Działanie"],
            registry.FindBySlug("malopolska")!.Settings.PlanLevels.Select(l => l.Label));
    }

    [Fact]
    public void Reminder_policy_is_read_per_kind()
    {
        var policy = TenantRegistryLoader.Load(RepositoryTenants).FindBySlug("mazowsze")!.Settings.Reminders;

        Assert.True(policy.MoveDeadlineToNextWorkingDay);
        Assert.Equal([7, 1], policy.Kinds["consultationClosing"].DaysBefore);
        Assert.Equal([5], policy.Kinds["minutesMissing"].DaysAfter);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_file_and_json_path()
    {
        CopyRepositoryTenants();
        Edit("tenants.json", s => s.Replace("\"state\": \"active\"", "\"state\": \"paused\""));
        Edit("lubelskie/tenant.json", s => s.Replace("\"email\": \"rops@lubelskie.pl\",", "\"email\": \"not-an-email\",")
            .Replace("\"locale\": \"pl-PL\"", "\"locale\": \"pl-PL\", \"colour\": \"red\""));

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Contains(ex.Errors, e => e.EndsWith("tenants.json: $.tenants[0].state: 'paused' is not 'active' or 'suspended'"));
        Assert.Contains(ex.Errors, e => e.Contains("tenants.json: $.tenants[3].state"));
        Assert.Contains(ex.Errors, e => e.Contains("lubelskie/tenant.json: $.operator.email: 'not-an-email' is not an e-mail address"));
        Assert.Contains(ex.Errors, e => e.Contains("lubelskie/tenant.json: $.colour: unknown property"));
    }

    [Fact]
    public void Retention_periods_are_read_per_region()
    {
        var retention = TenantRegistryLoader.Load(RepositoryTenants).FindBySlug("mazowsze")!.Settings.RetentionOrNone;

        Assert.Equal(new RetentionPolicy(365, 24, 24, 5), retention);
    }

    [Fact]
    public void Retention_errors_name_the_file_and_json_path_and_a_missing_section_keeps_everything()
    {
        CopyRepositoryTenants();
        Edit("lubelskie/tenant.json", s => s.Replace("\"sentEmailsDays\": 365", "\"sentEmailsDays\": 0")
            .Replace("\"erasureAuditYears\": 5", "\"erasureAuditYears\": \"pięć\", \"commentsMonths\": 3"));
        Edit("malopolska/tenant.json", s => s[..s.IndexOf(",\n  \"retention\"", StringComparison.Ordinal)] + "\n}\n");

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Contains(ex.Errors, e => e.EndsWith("lubelskie/tenant.json: $.retention.sentEmailsDays: must be a whole number from 1 to 3650"));
        Assert.Contains(ex.Errors, e => e.EndsWith("lubelskie/tenant.json: $.retention.erasureAuditYears: must be a whole number from 1 to 50"));
        Assert.Contains(ex.Errors, e => e.Contains("lubelskie/tenant.json: $.retention.commentsMonths: unknown property"));
        Assert.DoesNotContain(ex.Errors, e => e.Contains("malopolska"));
    }

    [Fact]
    public void Missing_required_setting_names_its_path()
    {
        CopyRepositoryTenants();
        Edit("mazowsze/tenant.json", s => s.Replace("\"shortName\": \"MKRES\",", ""));

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Equal([$"{Path.GetFileName(_dir)}/mazowsze/tenant.json: $.committee.shortName: is required"], ex.Errors);
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        CopyRepositoryTenants();
        Edit("malopolska/tenant.json", s => s.Replace("\"operator\": {", "\"operator\": {{"));

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Single(ex.Errors);
        Assert.Contains("malopolska/tenant.json", ex.Errors[0]);
        Assert.Contains("not valid JSON", ex.Errors[0]);
    }

    [Fact]
    public void Registered_tenant_without_a_folder_is_an_error()
    {
        CopyRepositoryTenants();
        Directory.Delete(Path.Combine(_dir, "lubelskie"), recursive: true);

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Contains(ex.Errors, e => e.Contains("lubelskie") && e.Contains("tenant.json") && e.Contains("file not found"));
    }

    [Fact]
    public void Duplicate_slugs_and_hosts_are_refused()
    {
        CopyRepositoryTenants();
        Edit("tenants.json", s => s.Replace("\"slug\": \"lubelskie\"", "\"slug\": \"mazowsze\"")
            .Replace("\"lubelskie.localhost\"", "\"mazowsze.localhost\""));
        Directory.CreateDirectory(Path.Combine(_dir, "mazowsze"));

        var ex = Assert.Throws<TenantConfigurationException>(() => TenantRegistryLoader.Load(_dir));

        Assert.Contains(ex.Errors, e => e.Contains("slug 'mazowsze' is used by more than one tenant"));
        Assert.Contains(ex.Errors, e => e.Contains("host 'mazowsze.localhost' is used by more than one tenant"));
    }

    [Fact]
    public void Fifth_region_is_a_folder_and_a_registry_line()
    {
        CopyRepositoryTenants();
        Directory.CreateDirectory(Path.Combine(_dir, "podlasie"));
        File.Copy(Path.Combine(_dir, "lubelskie", "tenant.json"), Path.Combine(_dir, "podlasie", "tenant.json"));
        Edit("tenants.json", s => s.Replace("  ]\n}", """
                ,{ "id": "0b6c3f1e-9d2a-4e7b-8c5f-2a1d3e4f5a66", "slug": "podlasie", "name": "Województwo podlaskie",
                   "nameEn": "Podlaskie Voivodeship", "hosts": [], "state": "active" }
              ]
            }
            """));

        var registry = TenantRegistryLoader.Load(_dir);

        Assert.Equal(5, registry.All.Count);
        Assert.NotNull(registry.FindBySlug("podlasie"));
    }

    private void CopyRepositoryTenants()
    {
        foreach (var file in Directory.GetFiles(RepositoryTenants, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(RepositoryTenants, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private void Edit(string relative, Func<string, string> edit)
    {
        var path = Path.Combine(_dir, relative);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after); // the test's edit must change the file
        File.WriteAllText(path, after);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
