using System.Text.RegularExpressions;
using System.Xml.Linq;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.UnitTests.Support;

namespace EsRegions.UnitTests.Infrastructure.Web;

/// <summary>
/// English of the Polish resource keys (Resources/SharedResource.en.resx): one entry per key (keys differing only in
/// letter case collide in the build), every literal key and validation attribute message of the web project is
/// translated, and so are the names the Committees and Meetings pages look up through their text classes.
/// </summary>
public sealed partial class EnglishResourcesTests
{

    private static List<string> Keys() =>
        XDocument.Load(Path.Combine(WebProject.Directory(), "Resources", "SharedResource.en.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();

    [Fact]
    public void Each_key_has_one_entry_even_ignoring_letter_case()
    {
        var duplicates = Keys().GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g));

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_literal_key_and_validation_message_of_the_web_project_has_an_english_entry()
    {
        var keys = Keys().ToHashSet();
        var used = Directory.GetFiles(WebProject.Directory(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Concat(ErrorMessage().Matches(File.ReadAllText(f))).Concat(HandlerMessage().Matches(File.ReadAllText(f)))
                .Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.True(used.Count > 600, $"only {used.Count} keys found: the pattern no longer matches the pages");
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    [Theory]
    [InlineData("Committees")]
    [InlineData("Meetings")]
    [InlineData("Notifications")]
    [InlineData("Plans")]
    [InlineData("Monitoring")]
    public void Every_name_the_modules_pages_look_up_through_their_text_classes_has_an_english_entry(string module)
    {
        var keys = Keys().ToHashSet();

        var missing = TextKeys(module).Where(k => !keys.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "no English entry: " + string.Join(" | ", missing));
    }

    /// <summary>
    /// Texts the consultation pages look up through a variable: phases, decisions (the form's and the report's), the whole
    /// document, participant sources, report columns, public form labels and the response form's messages.
    /// </summary>
    [Fact]
    public void Every_text_the_consultation_pages_look_up_through_a_variable_has_an_english_entry()
    {
        string[] indirect = ["w przygotowaniu", "otwarte", "zamknięte", "raport opublikowany", "uwzględniona", "częściowo uwzględniona",
            "nieuwzględniona", "Lista adresów (wklejona)", "Plik CSV", "Komitet lub grupa robocza", "Lp.", "Zgłaszający", "Element",
            "Obecny zapis", "Proponowana zmiana", "Uzasadnienie", "Stanowisko", "Uzasadnienie stanowiska", "Imię i nazwisko", "Adres e-mail",
            "Organizacja (nieobowiązkowo)", "Podaj uzasadnienie stanowiska.", "Uzasadnienie jest za długie."];
        var report = Enum.GetValues<CommentDecision>().Select(d => ConsultationReport.DecisionText(d))
            .Append(ConsultationReport.WholeDocument).Append(ConsultationReport.ProposalLabel);
        var keys = Keys().ToHashSet();
        var missing = indirect.Concat(report).Where(k => !keys.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "no English entry: " + string.Join(" | ", missing));
    }

    /// <summary>
    /// The Polish rule messages pages show through <c>ConflictException.In</c> (plans, consultations, meetings, committees and
    /// calls, monitoring, the erasure refusal) and the participant lists' messages (<c>ParticipantRead</c>): each
    /// literal has an English entry, and none is built by interpolation, which no entry could match.
    /// </summary>
    [Fact]
    public void Every_rule_and_participant_list_message_pages_show_has_an_english_entry_and_none_is_interpolated()
    {
        var keys = Keys().ToHashSet();
        var sources = Directory.GetFiles(Path.Combine(WebProject.Directory(), "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var rules = sources.SelectMany(s => RuleThrow().Matches(s.Text).Select(m => (s.File, Span: m.Value))).ToList();
        var lists = sources.Where(s => s.File is "ParticipantCsv.cs" or "ParticipantSources.cs" or "CommitteeParticipantSource.cs")
            .SelectMany(s => ProblemLiteral().Matches(s.Text).Select(m => (s.File, Span: m.Value))).ToList();
        var messages = rules.Concat(lists)
            .SelectMany(r => Literal().Matches(r.Span).Select(m => (r.File, Key: Regex.Unescape(m.Groups[1].Value))))
            .Where(m => m.Key.Length > 0) // a problem's empty place ("" for the whole list)
            .Append((File: "UserPersonalData.cs", Key: EsRegions.Web.Features.Identity.UserPersonalData.PlatformAdminRefusal))
            .Append((File: "ParticipantSources.cs", Key: "Wiersz {0}: {1}"))
            .ToList();

        Assert.True(rules.Count > 40 && lists.Count > 10, $"only {rules.Count} rule and {lists.Count} list messages found: the patterns no longer match");
        Assert.Empty(rules.Concat(lists).Where(r => r.Span.Contains("$\"", StringComparison.Ordinal)).Select(r => $"{r.File}: {r.Span}"));
        var missing = messages.Where(m => !keys.Contains(m.Key)).Select(m => $"{m.File}: {m.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "no English entry: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_refusal_of_a_plans_resolution_has_an_english_entry()
    {
        var today = new DateOnly(2026, 12, 7);
        var refusals = EsRegions.Web.Features.Plans.PlanAdoption.Check(null, null, null, new string('x', 501), today)
            .Concat(EsRegions.Web.Features.Plans.PlanAdoption.Check(new string('1', 51), new string('x', 201), today.AddDays(1), null, today))
            .SelectMany(e => e.Value).ToList();

        Assert.Equal(7, refusals.Distinct().Count());
        Assert.Empty(refusals.Except(Keys()));
    }

    [Fact]
    public void The_ambiguous_number_message_has_an_english_entry() =>
        Assert.Contains(EsRegions.Web.Infrastructure.Web.TypedNumber.AmbiguousMessage, Keys());

    /// <summary>
    /// The names the pages pass to the localizer through CommitteeText, CallText, MeetingText, ReminderKinds, the action
    /// form's indicator kinds and the monitoring status marks.
    /// </summary>
    private static IEnumerable<string> TextKeys(string module) => module == "Committees"
        ? Enum.GetValues<CommitteeKind>().Select(CommitteeText.Kind)
            .Concat(Enum.GetValues<SeatCategory>().Select(CommitteeText.Seat))
            .Concat(Enum.GetValues<MemberRole>().Select(CommitteeText.Role))
            .Concat(Enum.GetValues<CallStatus>().Select(s => CallText.Status(s)))
            .Concat(Enum.GetValues<ApplicationStatus>().Select(s => CallText.Status(s)))
        : module == "Meetings"
        ? Enum.GetValues<MeetingKind>().Select(MeetingText.Kind).Concat(Enum.GetValues<RsvpStatus>().Select(MeetingText.Status))
            .Concat(Enum.GetValues<BatchKind>().Select(MeetingText.Batch))
        : module == "Plans"
        ? EsRegions.Web.Features.Plans.ActionRows.Kinds.Select(k => k.Label)
        : module == "Monitoring"
        ? Enum.GetValues<EsRegions.Web.Features.Monitoring.Status>().Select(s => EsRegions.Web.Features.Monitoring.IndicatorStatus.Mark(s).Label)
        : ReminderPolicy.KnownKinds.Select(ReminderKinds.Label).Concat(ReminderPolicy.KnownKinds.Select(ReminderKinds.Audience));

    /// <summary>A rule exception raised with its message: from "new …Exception(" to the end of the statement (string literals whole).</summary>
    [GeneratedRegex(@"new (?:ConsultationStateException|MeetingRuleException|CommitteeRuleException|PublicationException|PeriodLockedException|ReminderStateException|PlanStateException)\((?:[^;""]|""(?:[^""\\]|\\.)*"")*;")]
    private static partial Regex RuleThrow();

    /// <summary>A participant list's problem: new FileProblem(place, "…") or new(place, "…").</summary>
    [GeneratedRegex(@"new(?: FileProblem)?\((?:""""|row|m\.FullName), *\$?""(?:[^""\\]|\\.)*""")]
    private static partial Regex ProblemLiteral();

    /// <summary>A plain string literal (not interpolated) inside a matched span.</summary>
    [GeneratedRegex(@"(?<![$\w])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();

    /// <summary>A literal key looked up through the views' <c>L</c> or a page model's localizer <c>l</c>.</summary>
    [GeneratedRegex("""(?<!\w)[Ll]\["((?:[^"\\]|\\.)+)"[\],]""")] private static partial Regex LiteralKey();

    /// <summary>A validation attribute's message, which the data-annotations localizer looks up in the same resources.</summary>
    [GeneratedRegex(""""ErrorMessage = "((?:[^"\\]|\\.)+)"""")] private static partial Regex ErrorMessage();

    /// <summary>A literal message a page handler adds to the model state (LocalizedModelErrors translates it).</summary>
    [GeneratedRegex(""""AddModelError\([^;]*?,\s*"((?:[^"\\]|\\.)+)"\)"""")] private static partial Regex HandlerMessage();
}
