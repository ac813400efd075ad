using System.Text.RegularExpressions;
using System.Xml.Linq;
using EsRegions.UnitTests.Support;

namespace EsRegions.UnitTests.Features.Monitoring;

/// <summary>Every Polish text Monitoring shows (page texts, status labels, validation messages) has one English entry.</summary>
public sealed partial class MonitoringTranslationTests
{

    private static Dictionary<string, int> EnglishKeys() =>
        XDocument.Load(Path.Combine(WebProject.Directory(), "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            // Resource names are case-insensitive when compiled: "Na …" and "na …" would be one (duplicate) entry.
            .GroupBy(d => (string)d.Attribute("name")!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> MonitoringFiles()
    {
        var web = WebProject.Directory();
        return Directory.EnumerateFiles(Path.Combine(web, "Features", "Monitoring"))
            .Append(Path.Combine(web, "Features", "Plans", "_PlanStatusMark.cshtml"));
    }

    [Fact]
    public void Every_polish_key_and_message_of_monitoring_has_exactly_one_english_entry()
    {
        var keys = EnglishKeys();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in MonitoringFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerKey(), StatusLabel(), RequiredMessage() })
                foreach (Match m in regex.Matches(text)) used.Add(m.Groups[1].Value);
            // Validation messages of value entry, shown on the page; the API's own English messages (ASCII) are not keys.
            foreach (var regex in new[] { ValueError(), InvalidField() })
                foreach (Match m in regex.Matches(text))
                    if (m.Groups[1].Value.Any(c => c > 127)) used.Add(m.Groups[1].Value);
        }

        Assert.True(used.Count > 100, $"only {used.Count} keys found: the scan is broken");
        used.UnionWith(["Legenda", "Rok sprawozdawczy (status wskaźników)", "Status realizacji wskaźników"]); // the plan tree's status section
        var missing = used.Where(k => !keys.ContainsKey(k)).ToList();
        var duplicated = used.Where(k => keys.GetValueOrDefault(k) > 1).ToList();
        Assert.True(missing.Count == 0, "no English entry: " + string.Join(" | ", missing));
        Assert.True(duplicated.Count == 0, "more than one English entry: " + string.Join(" | ", duplicated));
    }

    [GeneratedRegex("""(?<!\w)[lL]\["([^"]+)"[\],]""")] private static partial Regex LocalizerKey();
    [GeneratedRegex("""=> \("([^"]+)", "[^"]+"\)""")] private static partial Regex StatusLabel();
    [GeneratedRegex("""ErrorMessage = "([^"]+)""")] private static partial Regex RequiredMessage();
    [GeneratedRegex("""errors\["[a-z]+"\] = \["([^"{]+)"\]""")] private static partial Regex ValueError();
    [GeneratedRegex("""Invalid\("[a-z]+", "([^"{]+)"\)""")] private static partial Regex InvalidField();
}
