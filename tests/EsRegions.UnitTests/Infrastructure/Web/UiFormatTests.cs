using System.Globalization;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.UnitTests.Infrastructure.Web;

/// <summary>
/// Pages give dates and numbers in the interface's language: Polish with "r.", a decimal comma and thousands apart by a
/// non-breaking space; English with a point and a comma between thousands.
/// </summary>
public sealed class UiFormatTests
{
    [Theory]
    [InlineData("pl-PL", "15 stycznia 2027 r.", "12,5", "1\u00a0234", "12\u00a0345,67")]
    [InlineData("en-GB", "15 January 2027", "12.5", "1,234", "12,345.67")]
    public void Dates_and_numbers_follow_the_ui_culture(string culture, string date, string fraction, string whole, string large)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(date, UiFormat.Date(new DateOnly(2027, 1, 15)));
            Assert.Equal(fraction, UiFormat.Number(12.5m));
            Assert.Equal(whole, UiFormat.Number(1234.00m));
            Assert.Equal(large, UiFormat.Number(12345.671m));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("pl-PL", "18 stycznia 2027 r.")]
    [InlineData("en-GB", "18 January 2027.")]
    public void A_date_ending_a_sentence_has_one_full_stop(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, UiFormat.DateEndingSentence(new DateOnly(2027, 1, 18)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("pl-PL", "6 grudnia 2026 r., 19:22", "1 lipca 2026 r., 12:00")]
    [InlineData("en-GB", "6 December 2026, 19:22", "1 July 2026, 12:00")]
    public void Times_are_warsaw_wall_clock_in_the_ui_language(string culture, string winter, string summer)
    {
        var language = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(winter, UiFormat.Time(new DateTimeOffset(2026, 12, 6, 18, 22, 0, TimeSpan.Zero), language));
        Assert.Equal(summer, UiFormat.Time(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), language));
    }
}
