using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EsRegions.UnitTests.Features.Consultations;

/// <summary>Every Polish text the consultation pages look up has an English entry (SharedResource.en.resx).</summary>
public sealed partial class ConsultationTranslationsTests
{
    [Fact]
    public void Every_resource_key_on_the_consultation_pages_has_an_english_translation()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "EsRegions.Web");
        var names = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToList();
        // The resource generator drops a name that differs from another only in case (MSB3568), so such a key would not translate.
        var english = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(web, "Features", "Consultations"), "*.cshtml")
            .Append(Path.Combine(web, "Features", "Shared", "_OutboxProgress.cshtml"));
        // Texts looked up through a variable: phases, decisions, participant sources, report columns, public form labels.
        string[] indirect = ["w przygotowaniu", "otwarte", "zamknięte", "raport opublikowany", "uwzględniona", "częściowo uwzględniona",
            "nieuwzględniona", "Lista adresów (wklejona)", "Plik CSV", "Komitet lub grupa robocza", "Lp.", "Zgłaszający", "Element",
            "Obecny zapis", "Proponowana zmiana", "Uzasadnienie", "Stanowisko", "Uzasadnienie stanowiska", "Imię i nazwisko", "Adres e-mail",
            "Organizacja (nieobowiązkowo)"];

        var keys = pages.SelectMany(p => Key().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)).Concat(indirect).Distinct().ToList();
        var missing = keys.Where(k => !english.Contains(k)).ToList();

        Assert.True(keys.Count > 100, $"only {keys.Count} keys found: the pattern no longer matches the pages");
        Assert.Empty(missing);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EsRegions.sln"))) return dir.FullName;
        throw new InvalidOperationException("EsRegions.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex Key();
}
