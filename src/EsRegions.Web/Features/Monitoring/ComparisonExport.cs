using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Comparison as CSV (semicolons and decimal commas, as Polish spreadsheets expect; UTF-8 with BOM) and XLSX.</summary>
public static class ComparisonExport
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static IEnumerable<string[]> Rows(ComparisonDto c)
    {
        yield return c.Per100k ? ["Region", "Rok", $"Wartość ({c.Unit})", "Na 100 tys. mieszkańców"] : ["Region", "Rok", $"Wartość ({c.Unit})"];
        foreach (var s in c.Series)
            foreach (var v in s.Values)
                yield return c.Per100k
                    ? [s.Name, v.Period, v.Value.ToString("0.##", Polish), v.Per100k?.ToString("0.##", Polish) ?? ""]
                    : [s.Name, v.Period, v.Value.ToString("0.##", Polish)];
    }

    public static byte[] Csv(ComparisonDto c)
    {
        var text = new StringBuilder();
        text.AppendLine(Escape($"{c.Indicator} — {c.Name}"));
        foreach (var row in Rows(c)) text.AppendLine(string.Join(';', row.Select(Escape)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(ComparisonDto c)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Porównanie");
        foreach (var (col, width) in new[] { (1, 30d), (2, 10d), (3, 22d), (4, 24d) }) sheet.Column(col).Width = width;
        sheet.Cell(1, 1).Value = $"{c.Indicator} — {c.Name}";
        var r = 3;
        foreach (var row in Rows(c))
        {
            for (var i = 0; i < row.Length; i++)
            {
                var cell = sheet.Cell(r, i + 1);
                if (r > 3 && i >= 2 && decimal.TryParse(row[i], NumberStyles.Number, Polish, out var n)) cell.Value = n;
                else cell.Value = row[i];
            }
            r++;
        }
        sheet.Row(3).Style.Font.Bold = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Escape(string s) => s.IndexOfAny([';', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
