using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.Feed;
using Portal.Features.LiveStream;
using Portal.Features.Oversight;
using Portal.Features.Segments;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Infrastructure.Cluster.ClusterTestSteps;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>
/// Redis stopped for real under two running nodes (its own server, so no other test loses it), then started again on
/// the same port: Rank keeps answering, oversight still reaches the other node through the database check, and the
/// live stream across nodes comes back with Redis.
/// </summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class RedisOutageTests(RedisOutageTests.Nodes nodes) : IClassFixture<RedisOutageTests.Nodes>
{
    public sealed class Nodes() : TwoNodes(new Dictionary<string, string?>(), new Dictionary<string, string?>(), new RedisServer());

    [Fact]
    public async Task Without_redis_both_nodes_serve_and_obey_a_freeze_and_the_stream_returns_with_it()
    {
        var (loopId, apiA) = await nodes.A.LoopWithActionsAsync();
        var apiB = ApiOf(nodes.B, apiA);
        await Eventually.TrueAsync(async () => await ProbabilityOfAsync(apiB, "action-2") > 0);

        nodes.Redis.Control("stop");
        double? onA, onB;
        try
        {
            onA = await ProbabilityOfAsync(apiA, "action-2");
            var frozen = await nodes.A.Services.GetRequiredService<FreezeService>()
                .FreezeAsync(loopId, "action-2", "Frozen while Redis is down", null, TestActors.Admin(), CancellationToken.None);
            Assert.True(frozen.Succeeded, frozen.Message);
            await Eventually.TrueAsync(async () => await ProbabilityOfAsync(apiB, "action-2") == 0, seconds: 15);
            onB = await ProbabilityOfAsync(apiB, "action-1");
        }
        finally
        {
            nodes.Redis.Control("start");
        }

        Assert.NotNull(onA);
        Assert.NotNull(onB);
        var services = nodes.B.Services;
        await using var page = new LiveStreamBuffer(services.GetRequiredService<DecisionFeed>(), services.GetRequiredService<SegmentCatalog>(), []);
        await Eventually.TrueAsync(async () =>
        {
            var rank = await apiA.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid()));
            Assert.Equal(HttpStatusCode.Created, rank.StatusCode);
            return page.Take().Any(row => row.LoopId == loopId);
        }, seconds: 60);
    }
}
