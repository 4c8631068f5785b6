using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Statistics;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void The_index_sums_share_differences_times_log_ratios()
    {
        // reference 50/30/20 → 0.5, 0.3, 0.2; recent 30/30/40 → 0.3, 0.3, 0.4
        // (0.3−0.5)·ln(0.3/0.5) + 0 + (0.4−0.2)·ln(0.4/0.2) = 0.102165 + 0.138629 = 0.240795 → moderate
        var psi = PopulationStability.Index([50, 30, 20], [30, 30, 40]);

        Assert.Equal(0.240795, psi, 1e-5);
        Assert.Equal(DriftLevel.Moderate, PopulationStability.Level(psi, 0.1, 0.25));
    }

    [Fact]
    public void An_empty_reference_bin_counts_as_epsilon_not_infinity()
    {
        // reference 100/0 → 1, 0.0001 (epsilon); recent 90/10 → 0.9, 0.1
        // (0.9−1)·ln 0.9 + (0.1−0.0001)·ln(0.1/0.0001) = 0.010536 + 0.690085 = 0.700621 → significant
        var psi = PopulationStability.Index([100, 0], [90, 10]);

        Assert.Equal(0.700621, psi, 1e-5);
        Assert.Equal(DriftLevel.Significant, PopulationStability.Level(psi, 0.1, 0.25));
    }

    [Fact]
    public void The_same_distribution_is_stable_and_an_empty_window_is_not_enough_data()
    {
        Assert.Equal(0, PopulationStability.Index([10, 20, 30], [20, 40, 60]), 12);
        Assert.Equal(DriftLevel.Stable, PopulationStability.Level(0.05, 0.1, 0.25));
        Assert.Equal(DriftLevel.NotEnoughData, PopulationStability.Level(PopulationStability.Index([0, 0], [1, 2]), 0.1, 0.25));
    }

    [Theory]
    [InlineData(41, 41)]
    [InlineData(123.4, 120)]
    [InlineData(0.734, 0.73)]
    [InlineData(-0.0456, -0.046)]
    [InlineData(0, 0)]
    [InlineData(95, 95)]
    [InlineData(995, 1000)]
    public void Numbers_are_stored_to_two_significant_digits(double value, double stored)
    {
        Assert.Equal(stored, NumericBins.Coarsen(value));
    }

    [Fact]
    public void Numeric_bins_are_the_deciles_of_the_reference()
    {
        // ten values 1..10 once each: edges 1..9, every value in its own bin
        var uniform = Enumerable.Range(1, 10).ToDictionary(v => (double)v, _ => 1.0);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], NumericBins.DecileEdges(uniform));

        // half the mass on 1 and half on 2: one edge at 1, so bins (−∞, 1] and (1, ∞)
        var lumpy = new Dictionary<double, double> { [1] = 50, [2] = 50 };
        var edges = NumericBins.DecileEdges(lumpy);
        Assert.Equal([1.0], edges);
        Assert.Equal([50.0, 50.0], NumericBins.Counts(lumpy, edges));
        Assert.Equal(1, NumericBins.BinOf(7, edges));
    }
}
