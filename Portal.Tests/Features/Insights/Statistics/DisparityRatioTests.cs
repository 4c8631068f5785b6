using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Statistics;

public sealed class DisparityRatioTests
{
    private static readonly DisparityThresholds Thresholds = DisparityThresholds.Default;

    [Fact]
    public void A_clear_gap_in_click_rates_is_flagged_with_katz_interval()
    {
        // 20/100 against 50/100: ratio 0.4; se² = 0.8/(100·0.2) + 0.5/(100·0.5) = 0.04 + 0.01 = 0.05
        // ln 0.4 = −0.916291 ± 1.959964·0.223607 (= 0.438269) → [e^−1.354560, e^−0.478022] = [0.258063, 0.620004]
        var group = new MeanEstimate(100, 20, 20);
        var reference = new MeanEstimate(100, 50, 50);

        var ratio = DisparityRatio.Of(group, reference)!;

        Assert.Equal(0.4, ratio.Ratio, 12);
        Assert.Equal(0.258063, ratio.Interval95.Low, 1e-5);
        Assert.Equal(0.620004, ratio.Interval95.High, 1e-5);
        Assert.Equal(DisparityVerdict.Flagged, DisparityJudge.Judge(group, reference, ratio, Thresholds));
    }

    [Fact]
    public void A_gap_whose_interval_includes_parity_is_inconclusive_not_flagged()
    {
        // 10/40 against 15/40: ratio 0.6667; se² = 0.75/10 + 0.625/15 = 0.116667, se = 0.341565
        // upper = exp(ln(2/3) + 1.959964·0.341565) = exp(0.263987) = 1.302115 > 1
        var group = new MeanEstimate(40, 10, 10);
        var reference = new MeanEstimate(40, 15, 15);

        var ratio = DisparityRatio.Of(group, reference)!;

        Assert.Equal(1.302115, ratio.Interval95.High, 1e-5);
        Assert.Equal(DisparityVerdict.Inconclusive, DisparityJudge.Judge(group, reference, ratio, Thresholds));
    }

    [Fact]
    public void No_flag_below_the_minimum_sample_however_large_the_gap()
    {
        var group = new MeanEstimate(29, 0, 0);
        var reference = new MeanEstimate(1000, 500, 500);

        Assert.Equal(DisparityVerdict.TooFewDecisions, DisparityJudge.Judge(group, reference, DisparityRatio.Of(group, reference), Thresholds));
    }

    [Fact]
    public void A_ratio_at_the_threshold_is_within_it()
    {
        var group = new MeanEstimate(1000, 400, 400);
        var reference = new MeanEstimate(1000, 500, 500);

        Assert.Equal(DisparityVerdict.WithinThreshold, DisparityJudge.Judge(group, reference, DisparityRatio.Of(group, reference), Thresholds));
    }

    [Fact]
    public void Zero_clicks_still_get_a_finite_interval_by_haldanes_correction()
    {
        // 0/50 against 25/50, corrected to 0.5/51 and 25.5/51: p₁ = 0.0098039, p₂ = 0.5
        // se² = 0.990196/(51·0.0098039) + 0.5/(51·0.5) = 1.980392 + 0.019608 = 2.0
        // upper = exp(ln(0.0098039/0.5) + 1.959964·√2) = exp(−3.931826 + 2.771808) = 0.313481; the ratio itself stays 0
        var group = new MeanEstimate(50, 0, 0);
        var reference = new MeanEstimate(50, 25, 25);

        var ratio = DisparityRatio.Of(group, reference)!;

        Assert.Equal(0, ratio.Ratio);
        Assert.Equal(0.313481, ratio.Interval95.High, 1e-5);
        Assert.Equal(DisparityVerdict.Flagged, DisparityJudge.Judge(group, reference, ratio, Thresholds));
    }

    [Fact]
    public void Graded_rewards_use_the_delta_method_on_the_log_ratio()
    {
        // group 0.5, 1, −0.5, 0: mean 0.25, variance 1.5/4 − 0.0625 = 0.3125
        // reference 1, 1, 0.5, 0.5: mean 0.75, variance 2.5/4 − 0.5625 = 0.0625
        // se² = 0.3125/(4·0.0625) + 0.0625/(4·0.5625) = 1.25 + 0.027778 = 1.277778, se = 1.130388
        // ln(1/3) = −1.098612 ± 2.215520 → [0.036366, 3.055393]
        var ratio = DisparityRatio.Of(new MeanEstimate(4, 1, 1.5), new MeanEstimate(4, 3, 2.5))!;

        Assert.Equal(1 / 3.0, ratio.Ratio, 12);
        Assert.Equal(0.036366, ratio.Interval95.Low, 1e-5);
        Assert.Equal(3.055393, ratio.Interval95.High, 1e-5);
    }

    [Fact]
    public void A_ratio_of_rewards_that_are_not_positive_is_undefined()
    {
        Assert.Null(DisparityRatio.Of(new MeanEstimate(4, -1, 1.5), new MeanEstimate(4, 3, 2.5)));
        Assert.Null(DisparityRatio.Of(new MeanEstimate(40, 4, 4), new MeanEstimate(40, 0, 0)));
    }
}
