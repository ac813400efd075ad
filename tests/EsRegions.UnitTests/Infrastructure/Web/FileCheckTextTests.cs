using System.Text.RegularExpressions;
using System.Xml.Linq;
using EsRegions.UnitTests.Support;

namespace EsRegions.UnitTests.Infrastructure.Web;

/// <summary>
/// The plan import page shows a file's problems in its own language: every message template of the JSON checks has a
/// Polish entry (Resources/FileCheckText.pl.resx) and every template of the spreadsheet reader an English one
/// (SharedResource.en.resx). A message built by interpolation would escape both, so none may be.
/// </summary>
public sealed partial class FileCheckTextTests
{
    private static readonly string[] JsonSources =
        ["Infrastructure/Tenancy/JsonChecker.cs", "Features/Plans/PlanDocumentReader.cs", "Features/Plans/PlanParents.cs"];

    private const string SpreadsheetSource = "Features/Plans/PlanSpreadsheetReader.cs";

    [Fact]
    public void Every_message_of_the_json_checks_of_a_plan_has_a_polish_entry()
    {
        var keys = Keys("FileCheckText.pl.resx");
        var templates = JsonSources.SelectMany(f => Templates(f)).Distinct().ToList();

        Assert.True(templates.Count >= 30, $"only {templates.Count} templates found: the pattern no longer matches the checks");
        var missing = templates.Where(t => !keys.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "no entry: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_message_of_the_spreadsheet_reader_has_an_english_entry()
    {
        var keys = Keys("SharedResource.en.resx");
        var templates = Templates(SpreadsheetSource).ToList();

        Assert.True(templates.Count >= 10, $"only {templates.Count} templates found: the pattern no longer matches the reader");
        var missing = templates.Where(t => !keys.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "no entry: " + string.Join(" | ", missing));
    }

    [Fact]
    public void No_message_of_the_plan_file_checks_is_built_by_interpolation()
    {
        var interpolated = JsonSources.Append(SpreadsheetSource)
            .SelectMany(f => Interpolated().Matches(File.ReadAllText(Path.Combine(WebProject.Directory(), f))).Select(m => $"{f}: {m.Value}"));

        Assert.Empty(interpolated);
    }

    private static IEnumerable<string> Templates(string source)
    {
        var text = File.ReadAllText(Path.Combine(WebProject.Directory(), source));
        return FailCall().Matches(text).Concat(NewProblem().Matches(text)).Select(m => Regex.Unescape(m.Groups[1].Value));
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(WebProject.Directory(), "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    /// <summary>Fail(place, "template" …) and fail(place, "template" …): the first string literal after the place.</summary>
    [GeneratedRegex("""\b[Ff]ail\((?:[^;"]|"[^"]*")*?,\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex FailCall();

    [GeneratedRegex("""new FileProblem\("[^"]*", "((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex NewProblem();

    /// <summary>A message argument written as an interpolated string: [Ff]ail(place, $"…").</summary>
    [GeneratedRegex("""\b[Ff]ail\((?:[^;"]|"[^"]*")*?,\s*\$"(?=[^"]*")""")]
    private static partial Regex Interpolated();
}
