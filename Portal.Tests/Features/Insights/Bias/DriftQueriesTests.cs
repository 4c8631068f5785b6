using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Drift;
using Portal.Features.Insights.Statistics;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Insights.Bias;

public sealed class DriftQueriesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_shift_in_the_age_mix_since_the_day_before_is_significant_drift_and_a_constant_feature_is_stable()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var before = Enumerable.Range(0, 80).Select(i => Decision(loopId, HoursAgo(30), i % 2 == 0 ? "65+" : "18-24", "A", 1));
        var now = Enumerable.Range(0, 80).Select(i => Decision(loopId, HoursAgo(2), i % 8 == 0 ? "65+" : "18-24", "A", 1));
        await SeedAsync(factory.Services, [.. before, .. now]);
        await factory.Services.GetRequiredService<InsightAggregator>().CatchUpAsync(factory.Services.GetRequiredService<LoopDirectory>().Find(loopId)!, CancellationToken.None);

        var drift = await factory.Services.GetRequiredService<DriftQueries>()
            .DriftAsync(loopId, AnalysisWindow.Last(TimeSpan.FromDays(1), DateTimeOffset.UtcNow), CancellationToken.None);

        // 65+/18-24: 0.5/0.5 the day before, 0.125/0.875 now:
        // (0.125 − 0.5)·ln 0.25 + (0.875 − 0.5)·ln 1.75 = 0.519860 + 0.209856 = 0.729716
        var age = drift.Single(d => d.Feature == "user.ageBand");
        Assert.Equal(0.729716, age.Psi, 1e-5);
        Assert.Equal(DriftLevel.Significant, age.Level);
        Assert.Equal((80L, 80L), (age.ReferenceDecisions, age.RecentDecisions));
        Assert.Equal(DriftLevel.Stable, drift.Single(d => d.Feature == "user.device").Level);
        Assert.Equal(0, drift.Single(d => d.Feature == "user.visits" && d.IsNumeric).Psi, 12);
        Assert.Equal("user.ageBand", drift[0].Feature);
    }
}
