using EsRegions.Web.Features.Plans.Schedules;

namespace EsRegions.UnitTests.Features.Plans.Schedules;

public sealed class QuarterTests
{
    [Fact]
    public void Range_from_2019_q3_to_2021_q1_is_the_seven_columns_of_the_mazowsze_schedule()
    {
        var range = Quarter.Range(Quarter.Parse("2019-Q3"), Quarter.Parse("2021-Q1")).Select(q => q.Display).ToList();

        Assert.Equal(["III kw. 2019", "IV kw. 2019", "I kw. 2020", "II kw. 2020", "III kw. 2020", "IV kw. 2020", "I kw. 2021"], range);
    }

    [Theory]
    [InlineData("2020-Q1", "2020-01-01", "2020-03-31")]
    [InlineData("2019-Q4", "2019-10-01", "2019-12-31")]
    public void A_quarter_knows_its_first_and_last_day(string text, string first, string last)
    {
        var q = Quarter.Parse(text);

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (q.FirstDay, q.LastDay));
        Assert.Equal(text, q.ToString());
    }

    [Theory]
    [InlineData("2019-Q5")]
    [InlineData("2019Q3")]
    [InlineData("III kw. 2019")]
    public void Text_that_is_not_yyyy_qn_is_not_a_quarter(string text) => Assert.Null(Quarter.TryParse(text));
}
