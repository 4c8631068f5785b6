using Portal.Features.Evaluation.Estimators;

namespace Portal.Tests.Features.Evaluation.Estimators;

/// <summary>
/// A three-decision log worked by hand. Decisions (p, r, π₁(chosen), π₀(chosen)): (0.5, 1, 1, 0), (0.5, 0, 0, 1), (1, 1, 1, 1),
/// so w₁ = 2, 0, 1 and w₀ = 0, 2, 1; ĝ = 0.5 for both of two actions, so both direct terms are 0.5.
/// </summary>
public sealed class PairedDifferenceTests
{
    private static PolicyEstimates Difference()
    {
        var difference = new PairedDifference();
        difference.Add(0.5, 1, 1, 0, 0.5, 0.5, 0.5);
        difference.Add(0.5, 0, 0, 1, 0.5, 0.5, 0.5);
        difference.Add(1, 1, 1, 1, 0.5, 0.5, 0.5);
        return difference.Estimate("π₁ − π₀", candidateMaxWeight: 2, referenceMaxWeight: 2, rewardMin: 0, rewardMax: 1, withDr: true);
    }

    [Fact]
    public void The_ips_difference_is_the_mean_of_the_paired_terms_with_their_own_interval()
    {
        // Terms (w₁ − w₀) r = 2, 0, 0: mean 2/3, sample variance 4/3, standard error √(4/9) = 2/3.
        var ips = Difference().Ips;

        Assert.Equal(2.0 / 3, ips.Value, 12);
        Assert.Equal(2.0 / 3 - 1.959963984540054 * 2.0 / 3, ips.Gaussian.Low, 9);
        Assert.Equal(1, ips.Gaussian.High);  // 1.97 clipped: a difference of rewards in [0, 1] is at most 1
        Assert.Equal(3, ips.Count);
        Assert.Equal(1.8, ips.EffectiveSampleSize, 12);  // (Σw)²/Σw² = 9/5 for both policies
    }

    [Fact]
    public void The_snips_difference_uses_the_delta_method_on_the_paired_decisions()
    {
        // V₁ = 3/3 = 1, V₀ = 1/3; ψ = 0, +2/9, −2/9, so Σψ² = 8/81.
        var snips = Difference().Snips;

        Assert.Equal(2.0 / 3, snips.Value, 12);
        Assert.Equal(2.0 / 3 - 1.959963984540054 * Math.Sqrt(8.0 / 81), snips.Gaussian.Low, 9);
        Assert.Equal(1, snips.Gaussian.High);
        Assert.False(snips.SmallSample.IsKnown);
    }

    [Fact]
    public void The_dr_difference_adds_the_direct_terms_and_the_weighted_residuals()
    {
        // Terms 0 + (2 − 0)(1 − 0.5) = 1, 0 + (0 − 2)(0 − 0.5) = 1, 0 + 0 = 0: mean 2/3, sample variance 1/3, SE 1/3.
        var dr = Difference().Dr!;

        Assert.Equal(2.0 / 3, dr.Value, 12);
        Assert.Equal(2.0 / 3 - 1.959963984540054 / 3, dr.Gaussian.Low, 9);
        Assert.Equal(1, dr.Gaussian.High);
    }

    [Fact]
    public void Two_equal_policies_differ_by_exactly_nothing()
    {
        var difference = new PairedDifference();
        difference.Add(0.25, 1, 0.5, 0.5);
        difference.Add(0.5, 0, 0.5, 0.5);

        var estimates = difference.Estimate("same", 2, 2, 0, 1, withDr: false);

        Assert.Equal(0, estimates.Ips.Value);
        Assert.Equal(0, estimates.Snips.Value);
        Assert.Equal(new Portal.Features.Insights.Statistics.Interval(0, 0), estimates.Ips.Gaussian);
        Assert.Null(estimates.Dr);
    }
}
