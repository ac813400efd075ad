using System.Globalization;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.UnitTests.Infrastructure.Web;

/// <summary>
/// Pages give dates and numbers in the interface's language: Polish with "r." and a decimal comma, English with a point.
/// </summary>
public sealed class UiFormatTests
{
    [Theory]
    [InlineData("pl-PL", "15 stycznia 2027 r.", "12,5", "1234")]
    [InlineData("en-GB", "15 January 2027", "12.5", "1234")]
    public void Dates_and_numbers_follow_the_ui_culture(string culture, string date, string fraction, string whole)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(date, UiFormat.Date(new DateOnly(2027, 1, 15)));
            Assert.Equal(fraction, UiFormat.Number(12.5m));
            Assert.Equal(whole, UiFormat.Number(1234.00m));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
