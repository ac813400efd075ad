namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// Makes text from people safe to put in a spreadsheet cell: a value starting with = + - @ (or a tab or carriage
/// return, which some programs skip before reading a formula) is prefixed with an apostrophe, so Excel, LibreOffice and
/// CSV importers show it as text instead of running it (CSV/formula injection, OWASP).
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] Dangerous = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Array.IndexOf(Dangerous, value[0]) >= 0 ? "'" + value : value;

    /// <summary>Writes <paramref name="value"/> as a text cell (never a formula), neutralised.</summary>
    public static void Write(ClosedXML.Excel.IXLCell cell, string? value)
    {
        cell.SetValue(Neutralise(value));
        cell.DataType = ClosedXML.Excel.XLDataType.Text;
    }
}
