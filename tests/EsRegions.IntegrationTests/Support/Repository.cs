namespace EsRegions.IntegrationTests.Support;

/// <summary>The checked-out repository the tests run from (ops scripts, manifests).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EsRegions.sln"))) return dir.FullName;
        throw new InvalidOperationException("EsRegions.sln not found above " + AppContext.BaseDirectory);
    }
}
