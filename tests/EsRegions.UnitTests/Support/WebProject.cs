namespace EsRegions.UnitTests.Support;

/// <summary>Where the web project's sources are, for tests that read them (resources, message templates).</summary>
internal static class WebProject
{
    /// <summary>src/EsRegions.Web of this checkout, found upwards from the test binaries.</summary>
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "EsRegions.Web", "EsRegions.Web.csproj"))) return Path.Combine(dir.FullName, "src", "EsRegions.Web");
        throw new InvalidOperationException("src/EsRegions.Web not found above " + AppContext.BaseDirectory);
    }
}
