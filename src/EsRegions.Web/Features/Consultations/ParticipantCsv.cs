using System.Globalization;
using System.Text;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// Reads "name, e-mail, organisation" rows: separator ';', ',' or tab (whichever the first row uses), double quotes
/// as in RFC 4180, an optional header row. Errors name the row as the person sees it in their spreadsheet (1-based).
/// </summary>
public static class ParticipantCsv
{
    public static ParticipantRead Read(string text)
    {
        var candidates = new List<ParticipantCandidate>();
        var errors = new List<FileProblem>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        var separator = Separator(lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (lines[i].Trim().Length == 0) continue;
            var cells = Split(lines[i], separator, out var quoteError);
            if (quoteError) { errors.Add(new(row, "niezamknięty cudzysłów")); continue; }
            if (candidates.Count == 0 && errors.Count == 0 && IsHeader(cells)) continue;
            if (cells.Count < 2) { errors.Add(new(row, "oczekiwano kolumn: imię i nazwisko, e-mail, organizacja")); continue; }
            if (cells.Count > 3) { errors.Add(new(row, "za dużo kolumn ({0}; oczekiwano 3)", cells.Count)); continue; }
            var candidate = new ParticipantCandidate(cells[0].Trim(), cells[1].Trim(), cells.Count > 2 ? cells[2].Trim() : null);
            var problems = ParticipantRules.Problems(candidate).Select(p => p with { Where = row }).ToList();
            if (problems.Count > 0) { errors.AddRange(problems); continue; }
            if (!seen.Add(candidate.Email)) { errors.Add(new(row, "adres {0} powtarza się na liście", candidate.Email)); continue; }
            candidates.Add(candidate);
        }
        if (candidates.Count == 0 && errors.Count == 0) errors.Add(new("", "Lista jest pusta."));
        return new ParticipantRead(candidates, errors);
    }

    private static char Separator(string firstRow) =>
        firstRow.Contains('\t') ? '\t' : firstRow.Contains(';') ? ';' : ',';

    private static bool IsHeader(List<string> cells) =>
        cells.Count >= 2 && !cells[1].Contains('@') && cells.Any(c => c.Trim().ToLowerInvariant() is "email" or "e-mail" or "adres e-mail" or "adres email");

    private static List<string> Split(string line, char separator, out bool quoteError)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"' && cell.ToString().Trim().Length == 0) { cell.Clear(); quoted = true; }
            else if (ch == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        quoteError = quoted;
        return cells;
    }
}
