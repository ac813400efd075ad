using EsRegions.Web.Infrastructure.Data;

namespace EsRegions.UnitTests.Infrastructure.Data;

/// <summary>The stamps caches key their entries with: they move with every change, and there are none while deaf.</summary>
public sealed class ChangeFeedTests
{
    private const string Topic = ChangeFeed.Topics.Comparison;

    [Fact]
    public void Before_the_listener_connects_there_is_no_stamp()
    {
        Assert.False(new ChangeFeed().TryGetStamp(Topic, out _));
    }

    [Fact]
    public void A_change_of_a_topic_moves_its_stamp_and_no_other()
    {
        var feed = new ChangeFeed();
        feed.Connected();
        Assert.True(feed.TryGetStamp(Topic, out var before));
        Assert.True(feed.TryGetStamp(ChangeFeed.Topics.PlanStatus(Guid.Empty), out var otherBefore));

        feed.Changed(Topic);

        Assert.True(feed.TryGetStamp(Topic, out var after));
        Assert.NotEqual(before, after);
        Assert.True(feed.TryGetStamp(ChangeFeed.Topics.PlanStatus(Guid.Empty), out var otherAfter));
        Assert.Equal(otherBefore, otherAfter);
    }

    [Fact]
    public void While_disconnected_there_is_no_stamp_and_after_reconnecting_every_stamp_is_new()
    {
        var feed = new ChangeFeed();
        feed.Connected();
        feed.TryGetStamp(Topic, out var before);

        feed.Disconnected();
        Assert.False(feed.TryGetStamp(Topic, out _));

        // What was announced meanwhile was not heard: nothing kept from before may be served again.
        feed.Connected();
        Assert.True(feed.TryGetStamp(Topic, out var after));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Plan_status_topics_name_the_plan_as_the_database_triggers_do()
    {
        var plan = Guid.Parse("01a2495c-9efd-76e9-af31-d92f2c05cfc4");
        // notify_plan_status_from_values(): 'plan-status:' || plan_id (uuid as text: lower case with hyphens).
        Assert.Equal("plan-status:01a2495c-9efd-76e9-af31-d92f2c05cfc4", ChangeFeed.Topics.PlanStatus(plan));
    }
}
