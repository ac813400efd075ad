using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Features.Plans;

namespace EsRegions.UnitTests.Features.Monitoring;

public sealed class IndicatorStatusTests
{
    [Theory]
    [InlineData(40, Status.Achieved)]
    [InlineData(55, Status.Achieved)]
    [InlineData(39, Status.PartlyAchieved)]
    [InlineData(0, Status.NotAchieved)]
    public void A_count_target_is_a_planned_quantity_progress_short_of_it_is_partly_achieved(int actual, Status expected) =>
        Assert.Equal(expected, IndicatorStatus.Of(TargetKind.Count, 40, actual, null, null));

    [Theory]
    [InlineData(30, Status.Achieved)]
    [InlineData(31, Status.Achieved)]
    [InlineData(29, Status.NotAchieved)]
    [InlineData(0, Status.NotAchieved)]
    public void A_minimum_target_is_a_floor_anything_below_is_not_achieved(int actual, Status expected) =>
        Assert.Equal(expected, IndicatorStatus.Of(TargetKind.Minimum, 30, actual, null, null));

    [Theory]
    [InlineData(35, Status.Achieved)]
    [InlineData(35.5, Status.Achieved)]
    [InlineData(34.9, Status.NotAchieved)]
    public void A_share_target_is_a_floor_in_per_cent(double actual, Status expected) =>
        Assert.Equal(expected, IndicatorStatus.Of(TargetKind.Share, 35, (decimal)actual, null, null));

    [Fact]
    public void A_text_target_awaits_a_persons_assessment_and_follows_it()
    {
        Assert.Equal(Status.NoData, IndicatorStatus.Of(TargetKind.Text, null, null, null, null));
        Assert.Equal(Status.AwaitingAssessment, IndicatorStatus.Of(TargetKind.Text, null, null, "skrócono do 2 msc.", null));
        Assert.Equal(Status.PartlyAchieved, IndicatorStatus.Of(TargetKind.Text, null, null, "skrócono do 2 msc.", Assessment.PartlyAchieved));
        Assert.Equal(Status.Achieved, IndicatorStatus.Of(TargetKind.Text, null, null, "skrócono do 1 msc.", Assessment.Achieved));
    }

    [Fact]
    public void No_value_is_no_data_and_a_manual_assessment_overrides_the_number()
    {
        Assert.Equal(Status.NoData, IndicatorStatus.Of(TargetKind.Count, 10, null, null, null));
        Assert.Equal(Status.Achieved, IndicatorStatus.Of(TargetKind.Minimum, 30, 28, null, Assessment.Achieved));
    }

    [Fact]
    public void Only_values_short_of_target_need_an_explanation()
    {
        Assert.True(IndicatorStatus.NeedsExplanation(Status.NotAchieved));
        Assert.True(IndicatorStatus.NeedsExplanation(Status.PartlyAchieved));
        Assert.False(IndicatorStatus.NeedsExplanation(Status.Achieved));
        Assert.False(IndicatorStatus.NeedsExplanation(Status.AwaitingAssessment));
    }

    [Theory]
    [InlineData(new Status[0], Status.NoData)]
    [InlineData(new[] { Status.NoData, Status.NoData }, Status.NoData)]
    [InlineData(new[] { Status.Achieved, Status.Achieved }, Status.Achieved)]
    [InlineData(new[] { Status.Achieved, Status.NoData }, Status.PartlyAchieved)]
    [InlineData(new[] { Status.Achieved, Status.NotAchieved }, Status.PartlyAchieved)]
    [InlineData(new[] { Status.NotAchieved, Status.NoData }, Status.NotAchieved)]
    [InlineData(new[] { Status.NotAchieved, Status.NotAchieved }, Status.NotAchieved)]
    [InlineData(new[] { Status.AwaitingAssessment, Status.NoData }, Status.AwaitingAssessment)]
    public void A_levels_status_rolls_up_from_its_indicators(Status[] statuses, Status expected) =>
        Assert.Equal(expected, IndicatorStatus.Roll(statuses).Status);

    [Fact]
    public void A_roll_up_counts_each_state()
    {
        var roll = IndicatorStatus.Roll([Status.Achieved, Status.PartlyAchieved, Status.NotAchieved, Status.NoData, Status.AwaitingAssessment]);

        Assert.Equal((5, 1, 1, 1, 2), (roll.Indicators, roll.Achieved, roll.PartlyAchieved, roll.NotAchieved, roll.Pending));
    }

    [Fact]
    public void Every_status_has_a_text_and_a_symbol_not_only_a_colour() =>
        Assert.All(Enum.GetValues<Status>(), s => Assert.False(string.IsNullOrWhiteSpace(IndicatorStatus.Mark(s).Label + IndicatorStatus.Mark(s).Symbol)));
}
