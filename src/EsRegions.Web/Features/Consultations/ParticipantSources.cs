using System.Net.Mail;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Someone to be asked for comments, before they become a participant.</summary>
public sealed record ParticipantCandidate(string Name, string Email, string? Organisation);

/// <summary>
/// The people a source gave, or what is wrong with its input: each error's place is the row of a list (1-based, as the
/// person sees it in their spreadsheet), or empty for the whole input. <see cref="Skipped"/> names people the source
/// left out without refusing the rest (a member without an e-mail address, a repeated address), the person's name as
/// the place. Messages are Polish templates: the API shows them as written, a page through its localizer.
/// </summary>
public sealed record ParticipantRead(IReadOnlyList<ParticipantCandidate> Candidates, IReadOnlyList<FileProblem> Errors)
{
    public IReadOnlyList<FileProblem> Skipped { get; init; } = [];

    public bool Ok => Errors.Count == 0;

    /// <summary>Each error as a line, "Wiersz 3: …" for a row; as written, or in the language of <paramref name="l"/>.</summary>
    public IReadOnlyList<string> ErrorLines(IStringLocalizer? l = null) =>
        Errors.Select(e => e.Where.Length == 0 ? e.In(l) : MessageTemplate.Text(RowLine, [e.Where, e.In(l)], l)).ToList();

    /// <summary>Each person left out as "name: why"; as written, or in the language of <paramref name="l"/>.</summary>
    public IReadOnlyList<string> SkippedLines(IStringLocalizer? l = null) =>
        Skipped.Select(s => $"{s.Where}: {s.In(l)}").ToList();

    private const string RowLine = "Wiersz {0}: {1}";
}

/// <summary>A value a source offers to pick from (e.g. a committee: its id and name).</summary>
public sealed record ParticipantSourceChoice(string Value, string Label);

/// <summary>
/// Where participants come from. Each source turns its input (pasted text, a CSV file, the id of a committee or working
/// group) into candidates; <see cref="ConsultationParticipants"/> adds them. A new source is one class
/// implementing this interface plus one DI registration in <see cref="ConsultationsModule"/>: a source with
/// <see cref="ChoicesAsync"/> gets a drop-down on the staff page and receives the chosen value as its input.
/// </summary>
public interface IParticipantSource
{
    /// <summary>Stored with each participant; also the value of the form's and API's "source".</summary>
    string Key { get; }

    /// <summary>Polish name shown on the staff page ("Lista adresów", "Komitet").</summary>
    string Label { get; }

    Task<ParticipantRead> ReadAsync(string input, CancellationToken ct);

    /// <summary>What to pick from (committees, working groups…); empty for sources that read pasted text or a file.</summary>
    Task<IReadOnlyList<ParticipantSourceChoice>> ChoicesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<ParticipantSourceChoice>>([]);
}

/// <summary>A pasted list: one person a line, "name; e-mail; organisation" (or commas/tabs, as copied from a spreadsheet).</summary>
public sealed class PastedListSource : IParticipantSource
{
    public string Key => "list";
    public string Label => "Lista adresów (wklejona)";

    public Task<ParticipantRead> ReadAsync(string input, CancellationToken ct) => Task.FromResult(ParticipantCsv.Read(input));
}

/// <summary>An uploaded CSV file: columns name, e-mail, organisation; a header row is recognised and skipped.</summary>
public sealed class CsvFileSource : IParticipantSource
{
    public string Key => "csv";
    public string Label => "Plik CSV";

    public Task<ParticipantRead> ReadAsync(string input, CancellationToken ct) => Task.FromResult(ParticipantCsv.Read(input));
}

/// <summary>Checks of one candidate shared by every source and the API.</summary>
public static class ParticipantRules
{
    /// <summary>What is wrong with a candidate, with no place yet (the caller gives the row, the field or the name).</summary>
    public static IEnumerable<FileProblem> Problems(ParticipantCandidate c)
    {
        if (string.IsNullOrWhiteSpace(c.Name)) yield return new("", "brak imienia i nazwiska");
        else if (c.Name.Trim().Length > 200) yield return new("", "imię i nazwisko dłuższe niż 200 znaków");
        if (string.IsNullOrWhiteSpace(c.Email)) yield return new("", "brak adresu e-mail");
        else if (!IsEmail(c.Email.Trim())) yield return new("", "niepoprawny adres e-mail „{0}”", c.Email.Trim());
        if (c.Organisation?.Trim().Length > 300) yield return new("", "nazwa organizacji dłuższa niż 300 znaków");
    }

    public static bool IsEmail(string s) =>
        s.Length <= 254 && !s.Any(char.IsWhiteSpace) && MailAddress.TryCreate(s, out var a) && a.Address == s && s.Split('@')[1].Contains('.');
}
