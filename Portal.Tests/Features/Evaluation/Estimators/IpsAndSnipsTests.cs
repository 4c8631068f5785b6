using Portal.Features.Evaluation.Estimators;

namespace Portal.Tests.Features.Evaluation.Estimators;

public sealed class IpsAndSnipsTests
{
    // Three decisions (p = logged probability, π = candidate's probability of the chosen action, r = reward):
    //   1: p = 0.5,  π = 1,   r = 1  → w = 2,   wr = 2
    //   2: p = 0.25, π = 0.5, r = 0  → w = 2,   wr = 0
    //   3: p = 0.8,  π = 0.4, r = 1  → w = 0.5, wr = 0.5
    private static readonly LoggedOutcome[] Log = [new(0.5, 1, 1), new(0.25, 0.5, 0), new(0.8, 0.4, 1)];
    private static readonly EstimatorBounds Bounds = new(MaxWeight: 4, RewardMin: 0, RewardMax: 1);

    [Fact]
    public void Ips_is_the_mean_of_the_weighted_rewards()
    {
        var ips = new IpsAccumulator();
        foreach (var o in Log) ips.Add(o);

        var estimate = ips.Estimate(Bounds);

        // (2 + 0 + 0.5) / 3 = 0.8333…
        Assert.Equal(2.5 / 3, estimate.Value, 12);
        Assert.Equal(3, estimate.Count);
    }

    [Fact]
    public void Snips_divides_by_the_sum_of_the_weights()
    {
        var snips = new SnipsAccumulator();
        foreach (var o in Log) snips.Add(o);

        var estimate = snips.Estimate(Bounds);

        // Σwr / Σw = 2.5 / 4.5 = 0.5556
        Assert.Equal(2.5 / 4.5, estimate.Value, 12);
    }

    [Fact]
    public void The_effective_sample_size_is_the_squared_sum_of_weights_over_the_sum_of_squares()
    {
        var ips = new IpsAccumulator();
        foreach (var o in Log) ips.Add(o);

        // (2 + 2 + 0.5)² / (4 + 4 + 0.25) = 20.25 / 8.25 = 2.4545
        Assert.Equal(20.25 / 8.25, ips.Estimate(Bounds).EffectiveSampleSize, 12);
    }

    [Fact]
    public void Snips_gaussian_interval_is_the_delta_method()
    {
        var snips = new SnipsAccumulator();
        foreach (var o in Log) snips.Add(o);

        var estimate = snips.Estimate(Bounds);

        // V = 5/9. Σ w²(r − V)² = 4·(4/9)² + 4·(5/9)² + 0.25·(4/9)² = 0.790123 + 1.234568 + 0.049383 = 2.074074
        // se = √2.074074 / 4.5 = 1.440165 / 4.5 = 0.320037; half = 1.959964 · 0.320037 = 0.627260
        // [0.555556 − 0.627260, 0.555556 + 0.627260] = [−0.0717, 1.1828], clipped to the reward range [0, 1].
        Assert.Equal(0, estimate.Gaussian.Low, 12);
        Assert.Equal(1, estimate.Gaussian.High, 12);
        var unclipped = GaussianInterval.Around(5.0 / 9, Math.Sqrt(2.074074074) / 4.5);
        Assert.Equal(-0.071704, unclipped.Low, 5);
    }

    [Fact]
    public void No_decisions_give_no_estimate_and_unknown_intervals()
    {
        var estimate = new IpsAccumulator().Estimate(Bounds);

        Assert.True(double.IsNaN(estimate.Value));
        Assert.False(estimate.Gaussian.IsKnown);
        Assert.Equal(0, estimate.Count);
    }
}
