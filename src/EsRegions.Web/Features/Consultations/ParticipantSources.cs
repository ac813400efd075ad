using System.Net.Mail;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Someone to be asked for comments, before they become a participant.</summary>
public sealed record ParticipantCandidate(string Name, string Email, string? Organisation);

/// <summary>
/// The people a source gave, or what is wrong with its input (each error names the row or field). <see cref="Skipped"/>
/// names people the source left out without refusing the rest (a member without an e-mail address, a repeated address).
/// </summary>
public sealed record ParticipantRead(IReadOnlyList<ParticipantCandidate> Candidates, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public bool Ok => Errors.Count == 0;
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

    public Task<ParticipantRead> ReadAsync(string input, CancellationToken ct) => Task.FromResult(ParticipantCsv.Read(input, "Wiersz"));
}

/// <summary>An uploaded CSV file: columns name, e-mail, organisation; a header row is recognised and skipped.</summary>
public sealed class CsvFileSource : IParticipantSource
{
    public string Key => "csv";
    public string Label => "Plik CSV";

    public Task<ParticipantRead> ReadAsync(string input, CancellationToken ct) => Task.FromResult(ParticipantCsv.Read(input, "Wiersz"));
}

/// <summary>Checks of one candidate shared by every source and the API.</summary>
public static class ParticipantRules
{
    public static IEnumerable<string> Problems(ParticipantCandidate c)
    {
        if (string.IsNullOrWhiteSpace(c.Name)) yield return "brak imienia i nazwiska";
        else if (c.Name.Trim().Length > 200) yield return "imię i nazwisko dłuższe niż 200 znaków";
        if (string.IsNullOrWhiteSpace(c.Email)) yield return "brak adresu e-mail";
        else if (!IsEmail(c.Email.Trim())) yield return $"niepoprawny adres e-mail „{c.Email.Trim()}”";
        if (c.Organisation?.Trim().Length > 300) yield return "nazwa organizacji dłuższa niż 300 znaków";
    }

    public static bool IsEmail(string s) =>
        s.Length <= 254 && !s.Any(char.IsWhiteSpace) && MailAddress.TryCreate(s, out var a) && a.Address == s && s.Split('@')[1].Contains('.');
}
