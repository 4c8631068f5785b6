using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Statistics;

public sealed class MeanEstimateTests
{
    [Fact]
    public void Clicks_get_the_wilson_interval()
    {
        // 10 clicks in 100: p = 0.1, z = 1.959964, z²/n = 0.0384146
        // centre = (0.1 + 0.0192073) / 1.0384146 = 0.1147974
        // half   = 1.959964 / 1.0384146 · √(0.1·0.9/100 + 0.0384146/400) = 1.887459 · 0.0315600 = 0.0595683
        // → [0.055229, 0.174366]
        var clicks = new MeanEstimate(100, 10, 10);

        Assert.True(clicks.IsBinary);
        Assert.Equal(0.1, clicks.Mean, 12);
        Assert.Equal(0.055229, clicks.Interval95.Low, 1e-5);
        Assert.Equal(0.174366, clicks.Interval95.High, 1e-5);
    }

    [Fact]
    public void Graded_rewards_get_the_normal_interval_with_the_sample_variance()
    {
        // rewards 0.5, 1, −0.5, 0: n = 4, Σx = 1, Σx² = 1.5, mean 0.25
        // sample variance = (1.5 − 4·0.0625) / 3 = 0.416667; se = √(0.416667/4) = 0.322749; half = 1.959964·se = 0.632576
        // → [−0.382576, 0.882576]
        var rewards = new MeanEstimate(4, 1, 1.5);

        Assert.False(rewards.IsBinary);
        Assert.Equal(-0.382576, rewards.Interval95.Low, 1e-5);
        Assert.Equal(0.882576, rewards.Interval95.High, 1e-5);
    }

    [Fact]
    public void No_decisions_give_no_mean_and_an_unknown_interval()
    {
        var empty = new MeanEstimate(0, 0, 0);

        Assert.True(double.IsNaN(empty.Mean));
        Assert.False(empty.Interval95.IsKnown);
    }

    [Fact]
    public void Estimates_add_up_like_their_decisions()
    {
        var sum = new MeanEstimate(3, 1, 1).Add(new MeanEstimate(2, 2, 2));

        Assert.Equal(new MeanEstimate(5, 3, 3), sum);
        Assert.Equal(0.6, sum.Mean, 12);
    }
}
