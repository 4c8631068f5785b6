using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Entities;
using Portal.Features.Decisions.Feed;
using Portal.Features.LiveStream;
using Portal.Features.Segments;
using Portal.Infrastructure.Notifications;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.LiveStream;

public sealed class LiveStreamBufferTests : IAsyncLifetime
{
    private readonly DecisionFeed feed = new();
    private readonly SegmentCatalog segments = new(null!, NullLogger<ChangeSignal>.Instance);
    private readonly LiveStreamBuffer buffer;

    public LiveStreamBufferTests() => buffer = new LiveStreamBuffer(feed, segments, []);

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task However_many_decisions_arrive_the_page_holds_only_the_newest_and_counts_the_rest_as_skipped()
    {
        for (var i = 0; i < 5000; i++) feed.Publish(Decided($"e{i}"));
        await Eventually.TrueAsync(() => buffer.Received + buffer.QueueDropped == 5000);

        var rows = buffer.Take();

        Assert.Equal(LiveStreamBuffer.Capacity, rows.Count);
        Assert.Equal("e4999", rows[0].EventId);
        Assert.Equal(5000 - LiveStreamBuffer.Capacity, buffer.Skipped);
    }

    [Fact]
    public async Task A_reward_fills_in_its_row_and_a_filter_keeps_only_matching_decisions()
    {
        buffer.Apply(new StreamFilter(Segment: SegmentChoices.Automatic("user.ageBand", "65+")), []);

        feed.Publish(Decided("young", ageBand: "18-24"));
        feed.Publish(Decided("senior", ageBand: "65+"));
        feed.Publish(new RewardedItem("demo", "senior", 0.5, RewardAggregation.Sum));
        feed.Publish(new RewardedItem("demo", "senior", 0.25, RewardAggregation.Sum));
        await Eventually.TrueAsync(() => buffer.Take() is [{ RewardCount: 2 }]);

        var row = Assert.Single(buffer.Take());
        Assert.Equal(("senior", 0.75), (row.EventId, row.Reward));
        Assert.Contains("ageBand=65+", row.ContextSummary);
    }

    [Fact]
    public async Task A_paused_page_keeps_showing_what_it_showed_and_catches_up_on_resume()
    {
        feed.Publish(Decided("before"));
        await Eventually.TrueAsync(() => buffer.Take().Count == 1);

        buffer.Pause();
        feed.Publish(Decided("during"));
        await Eventually.TrueAsync(() => buffer.Received == 2);

        Assert.Equal(["before"], buffer.Take().Select(r => r.EventId));
        buffer.Resume();
        Assert.Equal(["during", "before"], buffer.Take().Select(r => r.EventId));
    }

    [Fact]
    public async Task Closing_the_page_unsubscribes_it_from_the_feed()
    {
        Assert.True(feed.HasSubscribers);

        await buffer.DisposeAsync();

        Assert.False(feed.HasSubscribers);
    }

    private static DecidedItem Decided(string eventId, string ageBand = "25-34") => new(
        "demo", eventId, DateTimeOffset.UtcNow, "a", 0.9, "a", false, 1, LearningMode.Online, OversightEffects.None, null, null, 3,
        [JsonDocument.Parse($$$"""{"user":{"ageBand":"{{{ageBand}}}"}}""").RootElement.Clone()]);

    public async Task DisposeAsync()
    {
        if (feed.HasSubscribers) await buffer.DisposeAsync();
    }
}
