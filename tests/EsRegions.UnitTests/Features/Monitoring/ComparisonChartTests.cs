using System.Globalization;
using EsRegions.Web.Features.Monitoring;

namespace EsRegions.UnitTests.Features.Monitoring;

/// <summary>The chart's scale writes numbers as the page's table does, in the interface's language.</summary>
public sealed class ComparisonChartTests
{
    [Theory]
    [InlineData("pl-PL", ">12\u00a0345,5</text>")]
    [InlineData("en-GB", ">12,345.5</text>")]
    public void The_scale_gives_the_largest_value_in_the_ui_language(string culture, string label)
    {
        var comparison = new ComparisonDto("PS-01", "Miejsca pracy", "miejsca pracy", false,
        [
            new ComparisonSeriesDto("mazowsze", "Województwo mazowieckie", [new ComparisonPointDto("2024", 12345.5m, null)]),
            new ComparisonSeriesDto("malopolska", "Województwo małopolskie", [new ComparisonPointDto("2024", 800m, null)]),
        ], []);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Contains(label, ComparisonChart.Svg(comparison, per100k: false, titleId: "c"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
