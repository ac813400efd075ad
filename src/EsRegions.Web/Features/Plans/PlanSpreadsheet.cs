using ClosedXML.Excel;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// The plan as the spreadsheet the regions use (seed 002): headings for each level, then the seven columns of the
/// action table under every intervention direction.
/// </summary>
public static class PlanSpreadsheet
{
    public static readonly string[] Columns =
        ["Nazwa działania", "Szczegółowy opis", "Produkt", "Wskaźnik produktu", "Budżet/Źródło finansowania", "Termin realizacji", "Realizator"];

    private static readonly double[] Widths = [40, 60, 35, 45, 30, 20, 30];

    public static byte[] Write(PlanDocument plan, IReadOnlyList<string> levelLabels)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Plan");
        for (var c = 0; c < Widths.Length; c++) sheet.Column(c + 1).Width = Widths[c]; // AdjustToContents throws on Linux
        var row = 1;
        Heading(sheet, row++, plan.Title, 14);
        if (plan.Resolution is not null) Heading(sheet, row++, plan.Resolution.Text, 11);
        row++;
        foreach (var node in plan.Nodes) row = WriteNode(sheet, node, 0, row, levelLabels);
        foreach (var note in plan.Notes) sheet.Cell(++row, 1).Value = note;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static int WriteNode(IXLWorksheet sheet, NodeDocument node, int depth, int row, IReadOnlyList<string> labels)
    {
        Heading(sheet, row++, $"{(depth < labels.Count ? labels[depth] : "")} {node.Code}. {node.Title}".Trim(), 12 - Math.Min(depth, 2));
        if (node.Actions.Count > 0)
        {
            for (var c = 0; c < Columns.Length; c++) sheet.Cell(row, c + 1).Value = Columns[c];
            sheet.Row(row).Style.Font.Bold = true;
            sheet.Row(row++).Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E2F3");
            foreach (var a in node.Actions)
            {
                string[] cells =
                [
                    $"{a.Code}. {a.Name}", a.Description, a.Product, string.Join("\n", a.Indicators.Select(i => i.Text)),
                    string.Join("\n", a.Budget.Select(b => b.Text)), a.Timeframe, string.Join(", ", a.Implementers),
                ];
                for (var c = 0; c < cells.Length; c++) sheet.Cell(row, c + 1).Value = cells[c];
                sheet.Row(row++).Style.Alignment.WrapText = true;
            }
        }
        foreach (var child in node.Children) row = WriteNode(sheet, child, depth + 1, row, labels);
        return row;
    }

    private static void Heading(IXLWorksheet sheet, int row, string text, double size)
    {
        var range = sheet.Range(row, 1, row, Columns.Length);
        range.Merge();
        range.FirstCell().Value = text;
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = size;
        range.Style.Alignment.WrapText = true;
    }
}
