using ClosedXML.Excel;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>The annual report as a spreadsheet: one row per level and per indicator, with target, actual, status and explanation.</summary>
public static class ReportSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Columns = ["Poziom", "Kod", "Nazwa / wskaźnik", "Wartość docelowa", "Wartość osiągnięta", "Status", "Wyjaśnienie / komentarz", "Realizator"];
    private static readonly double[] Widths = [20, 10, 60, 30, 20, 22, 50, 20];

    public static byte[] Write(ReportDto report)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Raport");
        for (var c = 0; c < Widths.Length; c++) sheet.Column(c + 1).Width = Widths[c]; // AdjustToContents throws on Linux
        sheet.Cell(1, 1).Value = $"Raport z realizacji planu za {report.Year} r.: {report.Title}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = $"Stan: {StatusText(report.Status)} ({report.Summary.Achieved} z {report.Summary.Indicators} wskaźników osiągniętych)";
        for (var c = 0; c < Columns.Length; c++) sheet.Cell(4, c + 1).Value = Columns[c];
        sheet.Row(4).Style.Font.Bold = true;
        var row = 5;
        foreach (var node in report.Nodes) row = WriteNode(sheet, node, 0, report.Levels, row);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static int WriteNode(IXLWorksheet sheet, ReportNodeDto node, int depth, IReadOnlyList<string> levels, int row)
    {
        Set(sheet, row, depth < levels.Count ? levels[depth] : "", node.Code, node.Title, "", "",
            $"{StatusText(node.Status)} ({node.Summary.Achieved}/{node.Summary.Indicators})", "", "");
        sheet.Row(row++).Style.Font.Bold = true;
        foreach (var action in node.Actions ?? [])
        {
            Set(sheet, row++, levels.Count > 0 ? levels[^1] : "", action.Code, action.Name, "", "", "", "", "");
            foreach (var i in action.Indicators)
                Set(sheet, row++, "wskaźnik", "", i.Name, i.Target.Text, i.Actual?.ToString("0.##") ?? i.ActualText ?? "—", StatusText(i.Status), i.Comment ?? "", i.Implementer ?? "");
        }
        foreach (var child in node.Children ?? []) row = WriteNode(sheet, child, depth + 1, levels, row);
        return row;
    }

    private static void Set(IXLWorksheet sheet, int row, params string[] values)
    {
        for (var c = 0; c < values.Length; c++) sheet.Cell(row, c + 1).Value = values[c];
    }

    public static string StatusText(string camel) =>
        IndicatorStatus.Mark(Enum.Parse<Status>(camel, ignoreCase: true)).Label;
}
