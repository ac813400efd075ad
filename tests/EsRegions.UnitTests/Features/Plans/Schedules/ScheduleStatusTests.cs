using EsRegions.Web.Features.Plans.Schedules;

namespace EsRegions.UnitTests.Features.Plans.Schedules;

public sealed class ScheduleStatusTests
{
    [Fact]
    public void Every_status_reads_back_from_the_word_the_api_writes_and_the_words_come_in_the_statuses_order()
    {
        Assert.Equal(["planned", "inProgress", "done"], ScheduleQueries.StatusTexts);
        foreach (var status in Enum.GetValues<ScheduleTaskStatus>())
            Assert.Equal(status, ScheduleQueries.ParseStatus(ScheduleQueries.StatusText(status)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Planned")]
    [InlineData("in progress")]
    [InlineData("1")]
    public void A_status_written_otherwise_is_not_read(string? text) => Assert.Null(ScheduleQueries.ParseStatus(text));
}
