using ClosedXML.Excel;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Consultations;

/// <summary>The report as an XLSX table; every cell of people's text goes through <see cref="SpreadsheetText"/>.</summary>
public static class ConsultationSpreadsheet
{
    private static readonly double[] Widths = [6, 30, 35, 50, 50, 45, 25, 50];

    public static byte[] Write(ReportDto report)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Raport z konsultacji");
        for (var c = 0; c < Widths.Length; c++) sheet.Column(c + 1).Width = Widths[c]; // AdjustToContents throws on Linux
        SpreadsheetText.Write(sheet.Cell(1, 1), $"Raport z konsultacji: {report.Title}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        SpreadsheetText.Write(sheet.Cell(2, 1), $"Konsultacje od {report.OpensOn:dd.MM.yyyy} do {report.ClosesOn:dd.MM.yyyy}");
        const int head = 4;
        for (var c = 0; c < ConsultationReport.Columns.Length; c++) sheet.Cell(head, c + 1).Value = ConsultationReport.Columns[c];
        sheet.Row(head).Style.Font.Bold = true;
        sheet.Row(head).Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E2F3");
        var row = head + 1;
        foreach (var r in report.Rows)
        {
            sheet.Cell(row, 1).Value = r.Number;
            string[] cells = [r.Submitter, r.Element, r.CurrentText, r.ProposedChange, r.Justification, r.Position, r.PositionJustification];
            for (var c = 0; c < cells.Length; c++) SpreadsheetText.Write(sheet.Cell(row, c + 2), cells[c]);
            sheet.Row(row++).Style.Alignment.WrapText = true;
        }
        sheet.Range(head, 1, Math.Max(row - 1, head), ConsultationReport.Columns.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.SheetView.FreezeRows(head);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
