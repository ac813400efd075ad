using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Reads a plan back from the spreadsheet <see cref="PlanSpreadsheet"/> writes (and the regions' own tables in that
/// layout): the title in row 1, heading rows "{level label} {code}. {title}", the seven-column header, action rows, and
/// after a blank row the notes. Targets and amounts are read from the text as written ("– 40", "min. 35%",
/// "180 000, FEdM"). The plan arrives as a draft (a resolution is adopted in the application). Every problem is
/// reported with its sheet and cell ("Plan!D12"), in Polish (the keys of the interface's texts).
/// </summary>
public static partial class PlanSpreadsheetReader
{
    public static (PlanDocument? Document, IReadOnlyList<FileProblem> Problems) Read(Stream xlsx, IReadOnlyList<PlanLevelLabel> levels, PlanKind kind)
    {
        var problems = new List<FileProblem>();
        void Fail(string where, string template, params object?[] args) => problems.Add(new FileProblem(where, template, args));
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(xlsx); }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException or FormatException)
        {
            return (null, [new FileProblem("file", "Plik nie jest arkuszem XLSX.")]);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.First();
            string Cell(int r, int c) => sheet.Cell(r, c).GetString().Trim();
            string Where(int r, int c) => $"{sheet.Name}!{sheet.Cell(r, c).Address.ToStringRelative()}";
            var last = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var title = Cell(1, 1);
            if (title.Length == 0) Fail(Where(1, 1), "Pierwszy wiersz musi zawierać tytuł planu.");
            var years = YearPattern().Matches(title).Select(m => int.Parse(m.Value)).ToList();

            var roots = new List<Node>();
            var path = new List<Node>();
            var notes = new List<string>();
            var header = false;
            var blankAfterContent = false;
            for (var r = 2; r <= last; r++)
            {
                var cells = Enumerable.Range(1, 7).Select(c => Cell(r, c)).ToArray();
                if (cells.All(c => c.Length == 0)) { if (roots.Count > 0) blankAfterContent = true; continue; }
                if (blankAfterContent) { notes.Add(cells[0]); continue; }
                var depth = HeadingDepth(cells[0], levels, out var rest);
                if (depth >= 0 && cells.Skip(1).All(c => c.Length == 0))
                {
                    if (depth > path.Count) { Fail(Where(r, 1), "Nagłówek „{0}” nie może stać bez nadrzędnego „{1}”.", levels[depth].Label, levels[depth - 1].Label); continue; }
                    if (depth == levels.Count - 1) { Fail(Where(r, 1), "Działania zapisuje się w wierszach tabeli, nie w nagłówkach."); continue; }
                    var (code, text) = SplitCode(rest);
                    if (code is null) { Fail(Where(r, 1), "Po „{0}” podaj numer i tytuł, np. „{0} I. …”.", levels[depth].Label); continue; }
                    var node = new Node(levels[depth].Key, code, text);
                    path.RemoveRange(depth, path.Count - depth);
                    (depth == 0 ? roots : path[depth - 1].Children).Add(node);
                    path.Add(node);
                    header = false;
                    continue;
                }
                if (cells.SequenceEqual(PlanSpreadsheet.Columns)) { header = true; continue; }
                if (roots.Count == 0) continue; // the resolution line and anything else above the first heading
                if (!header || path.Count != levels.Count - 1)
                {
                    Fail(Where(r, 1), "Wiersz działania musi stać pod nagłówkiem „{0}” i wierszem kolumn ({1}).", levels[^2].Label, string.Join(", ", PlanSpreadsheet.Columns));
                    continue;
                }
                var action = Action(cells, r, Where, Fail);
                if (action is not null) path[^1].Actions.Add(action);
            }
            if (roots.Count == 0 && !problems.Any(p => p.Where == Where(1, 1))) Fail($"{sheet.Name}!A2", "Arkusz nie zawiera nagłówka „{0} …”.", levels[0].Label);
            if (problems.Count > 0) return (null, problems);
            var document = new PlanDocument(title, kind, years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null, PlanStatus.Draft, null,
                "XLSX", notes, roots.Select(n => n.ToDocument()).ToList());
            return (document, []);
        }
    }

    private static ActionDocument? Action(string[] c, int r, Func<int, int, string> where, Action<string, string, object?[]> fail)
    {
        var (code, name) = SplitCode(c[0]);
        if (code is null) { fail(where(r, 1), "Nazwa działania zaczyna się od jego numeru, np. „1. Diagnoza potrzeb…”.", []); return null; }
        if (c[5].Length == 0) fail(where(r, 6), "Podaj termin realizacji.", []);
        var implementers = c[6].Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (implementers.Count == 0) fail(where(r, 7), "Podaj realizatora.", []);
        var indicators = Lines(c[3]).Select(Indicator).ToList();
        var budget = Lines(c[4]).Select(Budget).ToList();
        if (c[5].Length == 0 || implementers.Count == 0) return null;
        return new ActionDocument(code, name, c[1], c[2], indicators, budget, c[5], implementers, null, []);
    }

    private static IEnumerable<string> Lines(string cell) => cell.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Ad1) a) Liczba koncepcji badawczych – 1" → count 1; "… – min. 35%" → share 35; "… – min. 30" → minimum 30; else text.</summary>
    public static IndicatorDocument Indicator(string text)
    {
        var bare = Marker().Replace(text, "");
        if (Share().Match(bare) is { Success: true } s) return new(Name(bare, s), TargetKind.Share, Dec(s.Groups[1].Value), "%", text, null, null);
        if (Minimum().Match(bare) is { Success: true } m) return new(Name(bare, m), TargetKind.Minimum, Dec(m.Groups[1].Value), null, text, null, null);
        if (Count().Match(bare) is { Success: true } n) return new(Name(bare, n), TargetKind.Count, Dec(n.Groups[1].Value), null, text, null, null);
        return new(bare, TargetKind.Text, null, null, text, null, null);
    }

    /// <summary>"180 000, FEdM" → 180000 from FEdM; "Ad 2) 80 000 FERS" → 80000 from FERS; "FERS" → no amount.</summary>
    public static BudgetLine Budget(string text)
    {
        var bare = Marker().Replace(text, "");
        if (Amount().Match(bare) is { Success: true } a && a.Groups[2].Value.Length > 0)
            return new BudgetLine(Dec(a.Groups[1].Value), a.Groups[2].Value.Trim(), text);
        return new BudgetLine(null, bare.Trim(), text);
    }

    private static string Name(string bare, Match target) => bare[..target.Index].TrimEnd(' ', '–', '-', ':');

    private static decimal Dec(string s) => decimal.Parse(s.Replace(" ", "").Replace("\u00a0", "").Replace(',', '.'), CultureInfo.InvariantCulture);

    private static int HeadingDepth(string text, IReadOnlyList<PlanLevelLabel> levels, out string rest)
    {
        for (var i = 0; i < levels.Count; i++)
            if (text.StartsWith(levels[i].Label + " ", StringComparison.Ordinal)) { rest = text[(levels[i].Label.Length + 1)..]; return i; }
        rest = "";
        return -1;
    }

    private static (string? Code, string Text) SplitCode(string text)
    {
        var i = text.IndexOf(". ", StringComparison.Ordinal);
        return i <= 0 || i > 40 ? (null, text) : (text[..i], text[(i + 2)..]);
    }

    private sealed record Node(string Level, string Code, string Title)
    {
        public List<Node> Children { get; } = [];
        public List<ActionDocument> Actions { get; } = [];
        public NodeDocument ToDocument() => new(Level, Code, Title, Children.Select(c => c.ToDocument()).ToList(), Actions);
    }

    [GeneratedRegex(@"\b(19|20)\d{2}\b")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^(?:(?:Ad\.?\s*\d+[a-z]*\)|[a-z]\))\s*)+")] private static partial Regex Marker();
    [GeneratedRegex(@"min\.\s*(\d+(?:[,.]\d+)?)\s*%\s*$")] private static partial Regex Share();
    [GeneratedRegex(@"min\.\s*(\d+(?:[,.]\d+)?)\s*$")] private static partial Regex Minimum();
    [GeneratedRegex(@"[–-]\s*(\d+(?:[,.]\d+)?)\s*$")] private static partial Regex Count();
    [GeneratedRegex(@"^(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,\d+)?\s*(?:zł)?\s*,?\s*(.*)$")] private static partial Regex Amount();
}
