using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Previews;
using Portal.Features.Insights.Statistics;
using Portal.Features.Oversight.Preview;
using Portal.Features.Segments;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation;

/// <summary>The previews behind the freeze and rule dialogs, on a real log.</summary>
public sealed class ChangePreviewerTests(DemoLogFixture log) : IClassFixture<DemoLogFixture>
{
    private IChangePreviewer Previewer => log.App.Services.GetRequiredService<IChangePreviewer>();

    [Fact]
    public async Task A_freeze_preview_of_a_real_log_gives_the_change_in_reward_with_its_interval()
    {
        var preview = await Previewer.FreezeAsync(log.LoopId, ["cup-final-highlights"], CancellationToken.None);

        Assert.Null(preview.TooFew);
        Assert.Equal(DemoLogFixture.Visits, preview.Decisions);
        Assert.True(preview.Low <= preview.Change && preview.Change <= preview.High);
        Assert.InRange(preview.High - preview.Low, 1e-6, 1);
        Assert.Equal("DR", preview.Estimator);
    }

    [Fact]
    public async Task A_rule_preview_changes_nothing_outside_its_segment()
    {
        var nobody = new SegmentDefinition(SegmentMatch.All, [new SegmentCondition("no.such.feature", ConditionOperator.Equals, ["x"])]);

        var preview = await Previewer.RuleAsync(log.LoopId, nobody, OverrideKind.ServeBaseline, [], CancellationToken.None);

        Assert.Null(preview.TooFew);
        Assert.Equal(0, preview.Change, 12);
    }

    [Fact]
    public void A_difference_resting_on_fewer_effective_decisions_than_the_minimum_is_too_few_data()
    {
        var interval = new Interval(-0.1, 0.2);
        var difference = new OffPolicyEstimate("DR", 0.05, interval, interval, "empirical Bernstein", 500, EffectiveSampleSize: 19.5);
        var current = difference with { Value = 0.3 };

        var few = ChangePreviewer.Verdict(difference, current, 500, TimeSpan.FromDays(7), minimumEffective: 20);
        var enough = ChangePreviewer.Verdict(difference with { EffectiveSampleSize = 20 }, current, 500, TimeSpan.FromDays(7), minimumEffective: 20);

        Assert.Equal("the recent decisions are worth 20 under the changed policy, fewer than the 20 needed", few.TooFew);
        Assert.True(double.IsNaN(few.Change));
        Assert.Null(enough.TooFew);
        Assert.Equal((0.05, -0.1, 0.2, 0.3), (enough.Change, enough.Low, enough.High, enough.CurrentValue));
    }

    [Fact]
    public void An_unknown_interval_is_too_few_data()
    {
        var difference = new OffPolicyEstimate("DR", 0.05, Interval.Unknown, Interval.Unknown, "empirical Bernstein", 500, 400);

        Assert.Equal("the interval of the change cannot be computed from these decisions",
            ChangePreviewer.Verdict(difference, difference, 500, TimeSpan.FromDays(7), 20).TooFew);
    }

    [Fact]
    public async Task A_loop_without_decisions_has_too_few_data()
    {
        var (empty, _) = await log.App.CreateLoopAsync();

        var preview = await Previewer.FreezeAsync(empty, ["anything"], CancellationToken.None);

        Assert.Contains("no decision of the last 7 days", preview.TooFew);
    }
}
