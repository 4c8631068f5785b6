using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Insights.Aggregation;

public class InsightAggregatorTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Carla = TestActors.Person("carla-id", "carla@test.local", PortalRoles.Admin);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private LoopRuntime Loop(string id) => Service<LoopDirectory>().Find(id)!;

    [Fact]
    public async Task Settled_decisions_are_summed_per_segment_and_action_as_computed_by_hand()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var hour = HoursAgo(3);
        await SeedAsync(factory.Services,
            Decision(loopId, hour.AddMinutes(1), "65+", "A", 1, [new("user.visits", 0.4), new("(constant)", 0.1)]),
            Decision(loopId, hour.AddMinutes(2), "65+", "B", null, [new("user.visits", -0.2), new("user.device=mobile", 0.3)], explored: true),
            Decision(loopId, hour.AddMinutes(3), "25-34", "A", 0.5, [new("user.device=mobile × article.topic=a", 0.6)], mode: LearningMode.Apprentice),
            Decision(loopId, hour.AddMinutes(4), "25-34", "A", null, oversight: OversightEffects.RuleApplied, deferred: true));

        var read = await Service<InsightAggregator>().CatchUpAsync(Loop(loopId), CancellationToken.None);

        Assert.Equal(4, read);
        var rows = await SegmentRowsAsync(factory.Services, loopId);
        // Everyone: 4 decisions; the deferred one never shown has no reward: rewarded 3, Σr = 1 + 0 (default) + 0.5 = 1.5,
        // Σr² = 1 + 0 + 0.25 = 1.25; explored 1; baseline 1 (apprentice); override 1 (rule).
        var everyone = Sum(rows.Where(r => r.Dimension == Dimensions.Everyone));
        Assert.Equal((4L, 3L, 1.5, 1.25, 1L, 1L, 1L), everyone);
        Assert.Equal(3, rows.Where(r => r.Dimension == Dimensions.Everyone && r.ActionId == "A").Sum(r => r.Decisions));
        Assert.Equal((2L, 2L, 1.0, 1.0, 1L, 0L, 0L), Sum(rows.Where(r => r.Dimension == "f:user.ageBand" && r.Value == "65+")));
        Assert.All(rows, r => Assert.Equal(hour, r.BucketStart));

        var importance = await ImportanceRowsAsync(factory.Services, loopId);
        double Importance(string dimension, string value, string feature, bool ns = false) =>
            importance.Single(i => i.Dimension == dimension && i.Value == value && i.Feature == feature && i.IsNamespace == ns).SumAbs;
        // 65+: user.visits |0.4| + |−0.2| = 0.6; user.device 0.3; namespace user: |0.4| + |−0.2 + 0.3| = 0.5
        Assert.Equal(0.6, Importance("f:user.ageBand", "65+", "user.visits"), 12);
        Assert.Equal(0.3, Importance("f:user.ageBand", "65+", "user.device"), 12);
        Assert.Equal(0.5, Importance("f:user.ageBand", "65+", "user", ns: true), 12);
        // everyone: user.device 0.3 + 0.6/2 = 0.6, article.topic 0.6/2 = 0.3; the constant is no feature
        Assert.Equal(0.6, Importance("", "", "user.device"), 12);
        Assert.Equal(0.3, Importance("", "", "article.topic"), 12);
        Assert.DoesNotContain(importance, i => i.Feature.Contains("constant"));

        var values = await ValueRowsAsync(factory.Services, loopId);
        Assert.Equal(2, values.Single(v => v.Feature == "user.ageBand" && v.Bin == "65+").Count);
        Assert.Equal(4, values.Single(v => v.Feature == "user.visits" && v.IsNumeric && v.Bin == "3").Count);
    }

    [Fact]
    public async Task A_decision_waits_for_its_reward_wait_and_then_counts_with_the_reward_that_came()
    {
        var (loopId, _) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromDays(1) });
        var pending = Decision(loopId, DateTimeOffset.UtcNow.AddMinutes(-5), "65+", "A", null);
        await SeedAsync(factory.Services, Decision(loopId, HoursAgo(30), "65+", "A", 1), pending);
        var aggregator = Service<InsightAggregator>();

        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var before = Sum((await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Everyone));
        await SetRewardAsync(pending.Seq, 1);
        await Service<LoopSettingsService>().UpdateSettingsAsync(loopId, Loop(loopId).Settings with { RewardWaitTime = TimeSpan.FromSeconds(1) }, Carla, CancellationToken.None);
        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var after = Sum((await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Everyone));

        Assert.Equal((1L, 1L, 1.0), (before.Decisions, before.Rewarded, before.Sum));
        Assert.Equal((2L, 2L, 2.0), (after.Decisions, after.Rewarded, after.Sum));
    }

    [Fact]
    public async Task Aggregating_again_counts_nothing_twice()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        await SeedAsync(factory.Services, Decision(loopId, HoursAgo(2), "65+", "A", 1), Decision(loopId, HoursAgo(2), "18-24", "B", 0));
        var aggregator = Service<InsightAggregator>();

        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var again = await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(2, (await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Everyone).Sum(r => r.Decisions));
    }

    [Fact]
    public async Task A_saved_segment_is_aggregated_from_the_oldest_decision_and_again_after_an_edit()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        await SeedAsync(factory.Services, Decision(loopId, HoursAgo(5), "65+", "A", 1), Decision(loopId, HoursAgo(4), "65+", "B", 0),
            Decision(loopId, HoursAgo(4), "18-24", "A", 1));
        var aggregator = Service<InsightAggregator>();
        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var segments = Service<SegmentService>();

        var saved = await segments.SaveAsync(null, new SegmentService.Draft("Seniors " + loopId, null, loopId, SegmentDefinition.Is("user.ageBand", "65+")), Carla, CancellationToken.None);
        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var members = (await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Segment(saved.Id!.Value)).Sum(r => r.Decisions);
        await segments.SaveAsync(saved.Id, new SegmentService.Draft("Seniors " + loopId, null, loopId, SegmentDefinition.Is("user.ageBand", "18-24")), Carla, CancellationToken.None);
        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);
        var edited = (await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Segment(saved.Id!.Value)).Sum(r => r.Decisions);
        await segments.DeleteAsync(saved.Id!.Value, Carla, CancellationToken.None);
        await aggregator.CatchUpAsync(Loop(loopId), CancellationToken.None);

        Assert.Equal(2, members);
        Assert.Equal(1, edited);
        Assert.DoesNotContain(await SegmentRowsAsync(factory.Services, loopId), r => r.Dimension == Dimensions.Segment(saved.Id!.Value));
        Assert.Equal(3, (await SegmentRowsAsync(factory.Services, loopId)).Where(r => r.Dimension == Dimensions.Everyone).Sum(r => r.Decisions));
    }

    [Fact]
    public async Task Deleting_the_logs_deletes_the_analytics_computed_from_them()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        await SeedAsync(factory.Services, Decision(loopId, HoursAgo(2), "65+", "A", 1));
        await Service<InsightAggregator>().CatchUpAsync(Loop(loopId), CancellationToken.None);
        Assert.NotEmpty(await SegmentRowsAsync(factory.Services, loopId));

        var response = await api.DeleteAsync("/personalizer/v1.0/logs");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await SegmentRowsAsync(factory.Services, loopId));
        Assert.Empty(await ImportanceRowsAsync(factory.Services, loopId));
        Assert.Empty(await ValueRowsAsync(factory.Services, loopId));
    }

    [Fact]
    public void Values_beyond_the_limit_of_a_feature_count_as_other()
    {
        var registry = new FeatureValueRegistry(maxValuesPerFeature: 2);

        var admitted = new[] { "a", "b", "c", "a", new string('x', 300) }.Select(v => registry.Admit("user.id", v)).ToList();

        Assert.Equal(["a", "b", Dimensions.OtherValue, "a", Dimensions.OtherValue], admitted);
        Assert.Null(registry.Admit(new string('p', 201), "a"));
    }

    private static (long Decisions, long Rewarded, double Sum, double Squares, long Explored, long Baseline, long Override) Sum(IEnumerable<SegmentStat> rows)
    {
        var list = rows.ToList();
        return (list.Sum(r => r.Decisions), list.Sum(r => r.Rewarded), list.Sum(r => r.RewardSum), list.Sum(r => r.RewardSquares),
            list.Sum(r => r.Explored), list.Sum(r => r.BaselineServed), list.Sum(r => r.OverrideServed));
    }

    private async Task SetRewardAsync(long seq, double reward)
    {
        await using var db = await Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>().CreateDbContextAsync();
        var decision = await db.Decisions.FindAsync(seq);
        decision!.Reward = reward;
        await db.SaveChangesAsync();
    }
}

/// <summary>The analytics aggregator's upserts on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class InsightAggregatorOnPostgresTests(PostgresPortalAppFactory factory) : InsightAggregatorTests(factory), IClassFixture<PostgresPortalAppFactory>;
