using EsRegions.Web.Features.Monitoring;

namespace EsRegions.UnitTests.Features.Monitoring;

public sealed class ReportingPeriodKeyTests
{
    [Theory]
    [InlineData("2024", 2024, null, "2024")]
    [InlineData("2024-Q2", 2024, 2, "II kw. 2024")]
    public void Years_and_quarters_are_read(string text, int year, int? quarter, string label)
    {
        Assert.True(ReportingPeriodKey.TryParse(text, out var key));
        Assert.Equal((year, quarter, label, text), (key.Value.Year, key.Value.Quarter, key.Value.Label, key.Value.ToString()));
    }

    [Theory]
    [InlineData("2024-Q5")]
    [InlineData("24")]
    [InlineData("2024Q1")]
    [InlineData("")]
    public void Anything_else_is_refused(string text) => Assert.False(ReportingPeriodKey.TryParse(text, out _));

    [Theory]
    [InlineData("pl-PL", "II kw. 2024", "2024")]
    [InlineData("en-GB", "Q2 2024", "2024")]
    public void Pages_name_a_period_in_the_interface_language(string culture, string quarter, string year)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(quarter, new ReportingPeriodKey(2024, 2).UiLabel);
            Assert.Equal(year, new ReportingPeriodKey(2024, null).UiLabel);
            Assert.Equal("II kw. 2024", new ReportingPeriodKey(2024, 2).Label); // stored texts stay Polish
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_quarter_ends_on_its_last_day() =>
        Assert.Equal(new DateOnly(2024, 6, 30), new ReportingPeriodKey(2024, 2).End);
}
