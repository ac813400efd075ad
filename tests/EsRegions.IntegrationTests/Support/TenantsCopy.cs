namespace EsRegions.IntegrationTests.Support;

/// <summary>A temporary copy of the repository's tenants/ directory, with tenants.json edited by a test.</summary>
public sealed class TenantsCopy
{
    public string Directory { get; }

    private TenantsCopy(string directory) => Directory = directory;

    public static string RepositoryTenants()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tenants", "tenants.json"))) return Path.Combine(dir.FullName, "tenants");
        throw new InvalidOperationException("tenants/ not found above the test output directory");
    }

    public static TenantsCopy Create(Func<string, string> editRegistry)
    {
        var source = RepositoryTenants();
        var target = System.IO.Directory.CreateTempSubdirectory("esr-tenants-").FullName;
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        var registry = Path.Combine(target, "tenants.json");
        var original = File.ReadAllText(registry);
        var edited = editRegistry(original);
        if (edited == original) throw new InvalidOperationException("The test's edit of tenants.json changed nothing.");
        File.WriteAllText(registry, edited);
        return new TenantsCopy(target);
    }
}
