using EsRegions.Web.Features.Plans;

namespace EsRegions.UnitTests.Features.Plans;

public sealed class TimeframeTextTests
{
    [Theory]
    [InlineData("II-IV kwartał 2024", "2024-04-01", "2024-12-31")]
    [InlineData("I-IV kwartał 2024", "2024-01-01", "2024-12-31")]
    [InlineData("II kwartał 2024", "2024-04-01", "2024-06-30")]
    [InlineData("II – III kwartał 2024", "2024-04-01", "2024-09-30")]
    [InlineData("I – IV kw.", "2024-01-01", "2024-12-31")]
    [InlineData("IV kw.", "2024-10-01", "2024-12-31")]
    [InlineData("Cały rok 2024", "2024-01-01", "2024-12-31")]
    [InlineData("III kwartał 2025", "2025-07-01", "2025-09-30")]
    [InlineData("Ad.2) II-III kwartał 2024", "2024-04-01", "2024-09-30")]
    [InlineData("Ad 2ab) I-IV kw.", "2024-01-01", "2024-12-31")]
    [InlineData("1) I-IV kwartał 2024", "2024-01-01", "2024-12-31")]
    [InlineData("I -II kw. 2024", "2024-01-01", "2024-06-30")]
    public void Quarter_ranges_and_whole_years_become_intervals_keeping_the_text(string text, string from, string to)
    {
        var timeframe = TimeframeText.Parse(text, defaultYear: 2024);

        Assert.Equal(text, timeframe.Text);
        Assert.Equal(DateOnly.Parse(from), timeframe.From);
        Assert.Equal(DateOnly.Parse(to), timeframe.To);
    }

    [Theory]
    [InlineData("w miarę potrzeb")]
    [InlineData("IV-II kwartał 2024")]
    [InlineData("")]
    public void Anything_else_keeps_its_text_and_no_interval(string text)
    {
        var timeframe = TimeframeText.Parse(text, 2024);

        Assert.Equal(text, timeframe.Text);
        Assert.Null(timeframe.From);
        Assert.Null(timeframe.To);
    }
}
