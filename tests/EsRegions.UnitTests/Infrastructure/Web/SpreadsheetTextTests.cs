using ClosedXML.Excel;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.UnitTests.Infrastructure.Web;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+48 123")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Text_that_a_spreadsheet_would_run_is_prefixed_with_an_apostrophe(string value)
    {
        Assert.Equal("'" + value, SpreadsheetText.Neutralise(value));
    }

    [Theory]
    [InlineData("Uwaga do działania 1.")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string value)
    {
        Assert.Equal(value, SpreadsheetText.Neutralise(value));
    }

    [Fact]
    public void A_written_cell_is_text_and_never_a_formula()
    {
        using var workbook = new XLWorkbook();
        var cell = workbook.AddWorksheet("x").Cell(1, 1);

        SpreadsheetText.Write(cell, "=1+1");

        Assert.False(cell.HasFormula);
        Assert.Equal("'=1+1", cell.GetString());
    }
}
