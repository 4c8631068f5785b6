using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Bias;

public sealed class BiasAnalysisTests
{
    [Fact]
    public void A_group_far_below_everyone_is_flagged_and_one_above_is_not()
    {
        // 65+: p = 0.1 against everyone's 0.2 → ratio 0.5; se² = 0.9/(100·0.1) + 0.8/(200·0.2) = 0.11
        // → 95% interval [0.261011, 0.957815], under 1: flagged. 18-24: 0.3 / 0.2 = 1.5: within.
        var report = BiasAnalysis.Analyze(new BiasQuestion("demo", BiasSamples.Day, Feature: "user.ageBand"), BiasSamples.AgeBands, BiasSamples.Data(), DisparityThresholds.Default);

        var seniors = report.Groups.Single(g => g.Label == "65+");
        Assert.Equal(0.5, seniors.Ratio!.Ratio, 12);
        Assert.Equal(0.261011, seniors.Ratio.Interval95.Low, 1e-5);
        Assert.Equal(0.957815, seniors.Ratio.Interval95.High, 1e-5);
        Assert.Equal(DisparityVerdict.Flagged, seniors.Verdict);
        Assert.Equal(DisparityVerdict.WithinThreshold, report.Groups.Single(g => g.Label == "18-24").Verdict);
        Assert.Equal(["65+"], report.Flagged.Select(g => g.Label));
        Assert.Equal((0.1, 0.05, 0.1), (seniors.ExplorationShare, seniors.OverrideShare, seniors.BaselineShare));
    }

    [Fact]
    public void Against_the_best_group_the_ratio_uses_that_groups_rate()
    {
        // 65+ 0.1 against 18-24's 0.3 → 1/3; se² = 0.9/10 + 0.7/30 = 0.113333 → [0.172314, 0.644816]
        var report = BiasAnalysis.Analyze(new BiasQuestion("demo", BiasSamples.Day, Feature: "user.ageBand", Reference: ComparisonReference.BestGroup),
            BiasSamples.AgeBands, BiasSamples.Data(), DisparityThresholds.Default);

        Assert.Equal("18-24", report.ReferenceLabel);
        var ratio = report.Groups.Single(g => g.Label == "65+").Ratio!;
        Assert.Equal(1 / 3.0, ratio.Ratio, 12);
        Assert.Equal(0.644816, ratio.Interval95.High, 1e-5);
        Assert.Equal(1.0, report.Groups.Single(g => g.Label == "18-24").Ratio!.Ratio, 12);
    }

    [Fact]
    public void The_share_of_one_action_can_be_compared_instead_of_the_reward()
    {
        // Share of B: 18-24 0.4 against everyone's 0.6 → 0.6667; se² = 0.6/(100·0.4) + 0.4/(200·0.6) = 0.018333
        // → [0.511276, 0.869285]: flagged. 65+: 0.8 / 0.6: within.
        var report = BiasAnalysis.Analyze(new BiasQuestion("demo", BiasSamples.Day, Feature: "user.ageBand", ActionId: "B"), BiasSamples.AgeBands, BiasSamples.Data(), DisparityThresholds.Default);

        Assert.Equal("Share of B", report.MetricName);
        var young = report.Groups.Single(g => g.Label == "18-24");
        Assert.Equal(0.869285, young.Ratio!.Interval95.High, 1e-5);
        Assert.Equal(DisparityVerdict.Flagged, young.Verdict);
        Assert.Equal(DisparityVerdict.WithinThreshold, report.Groups.Single(g => g.Label == "65+").Verdict);
    }

    [Fact]
    public void Importance_is_the_mean_absolute_contribution_per_decision_of_the_group()
    {
        var report = BiasAnalysis.Analyze(new BiasQuestion("demo", BiasSamples.Day, Feature: "user.ageBand"), BiasSamples.AgeBands, BiasSamples.Data(), DisparityThresholds.Default);

        Assert.Equal(["user.device", "user.visits"], report.TopFeatures);
        Assert.Equal(["user"], report.Namespaces);
        Assert.Equal(0.2, report.Everyone.FeatureImportance["user.visits"], 12);
        Assert.Equal(0.3, report.Groups.Single(g => g.Label == "65+").FeatureImportance["user.visits"], 12);
        Assert.Equal(0.5, report.Everyone.NamespaceImportance["user"], 12);
    }

    [Fact]
    public void The_trend_has_one_step_per_hour_with_gaps_where_nothing_was_rewarded()
    {
        var report = BiasAnalysis.Analyze(new BiasQuestion("demo", BiasSamples.Day, Feature: "user.ageBand"), BiasSamples.AgeBands, BiasSamples.Data(), DisparityThresholds.Default);

        Assert.Equal(24, report.TrendSteps.Count);
        var everyone = report.Trend.Single(t => t.Label == "Everyone");
        Assert.Equal(0.15, everyone.Rates[0]);
        Assert.Null(everyone.Rates[1]);
        Assert.Equal(0.25, everyone.Rates[3]);
        Assert.Equal(0.1, report.Trend.Single(t => t.Label == "65+").Rates[3]);
    }

    [Fact]
    public void A_month_is_shown_per_day_and_whole_hours_end_with_the_current_one()
    {
        var now = new DateTimeOffset(2026, 11, 26, 13, 42, 0, TimeSpan.Zero);

        var month = AnalysisWindow.Last(TimeSpan.FromDays(30), now);
        var days = AnalysisWindow.Days(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), month.To);
        Assert.Equal(TimeSpan.FromDays(1), month.TrendStep);
        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero)), (days.From, days.To));
        Assert.Equal(days.From, days.Previous.To);
    }
}
