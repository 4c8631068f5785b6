using Portal.Features.Evaluation.Estimators;
using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Evaluation.Estimators;

public sealed class IntervalTests
{
    private static OffPolicyEstimate Ips(int n, int clicks, double maxWeight = 1)
    {
        var ips = new IpsAccumulator();
        for (var i = 0; i < n; i++) ips.Add(new LoggedOutcome(0.5, 0.5, i < clicks ? 1 : 0));
        return ips.Estimate(new EstimatorBounds(maxWeight, 0, 1));
    }

    [Fact]
    public void The_gaussian_interval_is_the_mean_plus_or_minus_z_standard_errors()
    {
        // 4 rewards of 1 in 10, all weights 1: mean 0.4, sample variance 10/9 · 0.24 = 0.266667,
        // se = √(0.266667 / 10) = 0.163299, half = 1.959964 · 0.163299 = 0.320060 → [0.079940, 0.720060]
        var estimate = Ips(10, 4);

        Assert.Equal(0.079940, estimate.Gaussian.Low, 5);
        Assert.Equal(0.720060, estimate.Gaussian.High, 5);
    }

    [Fact]
    public void The_bernstein_interval_follows_maurer_and_pontil()
    {
        // 400 of 1000, weights 1 (range 1): sample variance 0.24 · 1000/999 = 0.240240, ln(2/0.025) = ln 80 = 4.382027
        // half = √(2 · 0.240240 · 4.382027 / 1000) + 7 · 1 · 4.382027 / (3 · 999) = 0.045886 + 0.010235 = 0.056121
        var estimate = Ips(1000, 400);

        Assert.Equal(0.4 - 0.056121, estimate.SmallSample.Low, 5);
        Assert.Equal(0.4 + 0.056121, estimate.SmallSample.High, 5);
        Assert.Equal(IpsAccumulator.EmpiricalBernsteinMethod, estimate.SmallSampleMethod);
    }

    [Fact]
    public void For_small_n_the_bernstein_interval_contains_the_gaussian_one()
    {
        foreach (var (n, clicks) in new[] { (10, 4), (20, 6), (50, 20) })
        {
            var estimate = Ips(n, clicks, maxWeight: 2);

            Assert.True(estimate.SmallSample.Low <= estimate.Gaussian.Low && estimate.SmallSample.High >= estimate.Gaussian.High,
                $"n = {n}: Bernstein [{estimate.SmallSample.Low}, {estimate.SmallSample.High}] vs Gaussian [{estimate.Gaussian.Low}, {estimate.Gaussian.High}]");
        }
    }

    [Fact]
    public void The_bernstein_interval_tightens_with_n()
    {
        var widths = new[] { 100, 1_000, 10_000, 100_000 }.Select(n => Width(Ips(n, n * 2 / 5, maxWeight: 4).SmallSample)).ToList();

        for (var i = 1; i < widths.Count; i++) Assert.True(widths[i] < widths[i - 1], string.Join(", ", widths));
        Assert.True(widths[^1] < 0.02, $"width at 100,000: {widths[^1]}");
    }

    [Fact]
    public void The_cressie_read_interval_holds_the_snips_estimate_inside_the_reward_range_and_tightens_with_n()
    {
        double previous = double.PositiveInfinity;
        foreach (var n in new[] { 20, 200, 2_000, 20_000 })
        {
            var snips = new SnipsAccumulator();
            // Weights 2 (π = 1, p = 0.5) and 0 alternate; rewards 1 on a third of the decisions.
            for (var i = 0; i < n; i++) snips.Add(new LoggedOutcome(0.5, i % 2 == 0 ? 1 : 0, i % 3 == 0 ? 1 : 0));
            var estimate = snips.Estimate(new EstimatorBounds(2, 0, 1));

            Assert.True(estimate.SmallSample.Contains(estimate.Value), $"n = {n}: {estimate.SmallSample} vs {estimate.Value}");
            Assert.InRange(estimate.SmallSample.Low, 0, 1);
            Assert.InRange(estimate.SmallSample.High, 0, 1);
            Assert.True(Width(estimate.SmallSample) < previous);
            previous = Width(estimate.SmallSample);
        }
    }

    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(10, 2.228139)]
    [InlineData(30, 2.042272)]
    [InlineData(1000, 1.962339)]
    public void Student_t_quantiles_match_the_tables(double degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(degreesOfFreedom), 4);

    private static double Width(Interval interval) => interval.High - interval.Low;
}
