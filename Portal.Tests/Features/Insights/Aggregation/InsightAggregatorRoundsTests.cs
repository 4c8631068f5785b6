using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Aggregation;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Insights.Aggregation;

/// <summary>The aggregator's run over all loops, with the hosted service's timer out of the way and small batches.</summary>
public sealed class InsightAggregatorRoundsTests(InsightAggregatorRoundsTests.Factory factory) : IClassFixture<InsightAggregatorRoundsTests.Factory>
{
    public sealed class Factory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Insights:AggregationInterval"] = "01:00:00",
            ["Portal:Insights:AggregationBatchSize"] = "100",
            ["Portal:Insights:AggregationMaxBusyShare"] = "1",
        };
    }

    [Fact]
    public async Task One_run_follows_every_loop_through_a_backlog_of_many_batches()
    {
        var (busy, _) = await factory.CreateLoopAsync();
        var (quieter, _) = await factory.CreateLoopAsync();
        var hour = HoursAgo(2);
        await SeedAsync(factory.Services, [
            .. Enumerable.Range(0, 350).Select(i => Decision(busy, hour.AddSeconds(i), "65+", "A", 1)),
            .. Enumerable.Range(0, 250).Select(i => Decision(quieter, hour.AddSeconds(i), "25-34", "B", 0))]);

        await factory.Services.GetRequiredService<InsightAggregator>().AggregateAllAsync(CancellationToken.None);

        Assert.Equal(350, (await SegmentRowsAsync(factory.Services, busy)).Where(r => r.Dimension == Dimensions.Everyone).Sum(r => r.Decisions));
        Assert.Equal(250, (await SegmentRowsAsync(factory.Services, quieter)).Where(r => r.Dimension == Dimensions.Everyone).Sum(r => r.Decisions));
    }
}
