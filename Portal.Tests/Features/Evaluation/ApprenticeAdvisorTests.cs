using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Previews;
using Portal.Features.Insights.Statistics;
using Portal.Features.Loops.Advice;

namespace Portal.Tests.Features.Evaluation;

/// <summary>The bar for recommending Online, condition by condition, and the advice on a real log.</summary>
public sealed class ApprenticeAdvisorTests(DemoLogFixture log) : IClassFixture<DemoLogFixture>
{
    private static readonly EvaluationOptions Bar = new() { ApprenticeMinDecisions = 1_000, MinEffectiveSampleSize = 100 };
    private static readonly OffPolicyEstimate Model = Estimate(0.25, 0.2, 0.3, 900);
    private static readonly OffPolicyEstimate Baseline = Estimate(0.2, 0.18, 0.22, 2_000);

    private static OffPolicyEstimate Estimate(double value, double low, double high, double effective) =>
        new("DR", value, new Interval(low, high), new Interval(low, high), "empirical Bernstein", 2_000, effective);

    [Fact]
    public void Online_is_recommended_when_the_estimate_beats_the_baseline_and_the_interval_excludes_a_loss()
    {
        var advice = ApprenticeAdvisor.Judge(2_000, 0.7, Model, Baseline, Estimate(0.05, 0.01, 0.09, 900), Bar);

        Assert.True(advice.RecommendOnline);
        Assert.Equal("The model is estimated to earn 0.050 more per decision than the baseline, and the 95% interval (0.010 to 0.090) excludes a loss.", advice.Reason);
        Assert.Equal((0.25, 0.2, 0.7), (advice.ModelValue, advice.BaselineValue, advice.Agreement));
    }

    [Theory]
    [InlineData(999, 0.05, 0.01, 900, "Only 999 recent decisions; at least 1,000 are needed.")]
    [InlineData(2_000, 0.05, 0.01, 99, "The log is worth only 99 decisions to the comparison; at least 100 are needed.")]
    [InlineData(2_000, -0.01, -0.05, 900, "The model's estimated reward (0.250) is not above the baseline's (0.200).")]
    [InlineData(2_000, 0.02, -0.01, 900, "The 95% interval of the difference reaches -0.010: a loss is still possible.")]
    public void Otherwise_the_first_unmet_condition_is_the_reason(long decisions, double value, double low, double effective, string reason)
    {
        var advice = ApprenticeAdvisor.Judge(decisions, 0.7, Model, Baseline, Estimate(value, low, value + 0.04, effective), Bar);

        Assert.False(advice.RecommendOnline);
        Assert.Equal(reason, advice.Reason);
    }

    [Fact]
    public void A_tolerated_loss_lets_an_interval_reach_below_zero()
    {
        var tolerant = new EvaluationOptions { ApprenticeMinDecisions = 1_000, MinEffectiveSampleSize = 100, ApprenticeTolerableLoss = 0.02 };

        Assert.True(ApprenticeAdvisor.Judge(2_000, 0.7, Model, Baseline, Estimate(0.02, -0.01, 0.05, 900), tolerant).RecommendOnline);
    }

    [Fact]
    public async Task The_advice_on_a_real_log_compares_the_model_with_the_baseline()
    {
        var advice = await log.App.Services.GetRequiredService<IApprenticeAdvisor>().AdviseAsync(log.LoopId, CancellationToken.None);

        Assert.Equal(DemoLogFixture.Visits, advice.Decisions);
        Assert.InRange(advice.Agreement, 0, 1);
        Assert.True(advice.HasEstimate);
        Assert.True(advice.Low <= advice.Difference && advice.Difference <= advice.High);
        Assert.False(string.IsNullOrEmpty(advice.Reason));
    }
}
