using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.Feed;
using Portal.Features.LiveStream;
using Portal.Features.Segments;
using Portal.Tests.Infrastructure.Cluster;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.Feed;

/// <summary>The live stream of two nodes on one database and one Redis: a page on either shows both nodes' decisions.</summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class FeedRelayTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_stream_page_on_node_B_shows_the_decisions_and_rewards_made_on_node_A()
    {
        var (loopId, apiA) = await nodes.A.CreateLoopAsync();
        var services = nodes.B.Services;
        await using var page = new LiveStreamBuffer(services.GetRequiredService<DecisionFeed>(), services.GetRequiredService<SegmentCatalog>(), []);

        var eventIds = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            var eventId = "on-a-" + Guid.NewGuid().ToString("N");
            Assert.Equal(HttpStatusCode.Created, (await apiA.PostAsync(ClusterTestSteps.RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: eventId)))).StatusCode);
            eventIds.Add(eventId);
            return page.Take().Any(row => row.LoopId == loopId);
        }, seconds: 15);
        var shown = page.Take().First(row => row.LoopId == loopId);
        Assert.Contains(shown.EventId, eventIds);

        var reward = await apiA.PostAsync($"/personalizer/v1.0/events/{shown.EventId}/reward", RankPayloads.Json("""{"value": 0.75}"""));

        Assert.Equal(HttpStatusCode.NoContent, reward.StatusCode);
        await Eventually.TrueAsync(() => page.Take().Single(row => row.EventId == shown.EventId).Reward == 0.75, seconds: 10);
    }
}
