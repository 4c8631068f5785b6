using Portal.Features.Insights.Drift;
using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Insights.Bias;

public sealed class DriftAnalysisTests
{
    [Fact]
    public void Categories_and_missing_values_are_bins_of_the_index()
    {
        // reference 100 decisions: mobile 50, desktop 30, (missing) 20; window 100: mobile 30, desktop 30, (missing) 40
        // → the shares of the PopulationStability test: PSI 0.240795, moderate
        var data = new DriftData(
            [new("user.device", false, "mobile", 50), new("user.device", false, "desktop", 30)], 100,
            [new("user.device", false, "mobile", 30), new("user.device", false, "desktop", 30)], 100);

        var drift = Assert.Single(DriftAnalysis.Analyze(data, 30, 0.1, 0.25));

        Assert.Equal(0.240795, drift.Psi, 1e-5);
        Assert.Equal(DriftLevel.Moderate, drift.Level);
        Assert.Equal(3, drift.Bins);
    }

    [Fact]
    public void Numbers_are_binned_by_the_reference_deciles()
    {
        // reference: 1 and 2, 50 each → bins (−∞, 1], (1, ∞) + missing; window: 90 at 1, 10 at 5 → same PSI as 100/0 vs 90/10
        var data = new DriftData(
            [new("user.visits", true, "1", 50), new("user.visits", true, "2", 50)], 100,
            [new("user.visits", true, "1", 90), new("user.visits", true, "5", 10)], 100);

        var drift = Assert.Single(DriftAnalysis.Analyze(data, 30, 0.1, 0.25));

        // shares (0.5, 0.5, 0) → (0.9, 0.1, 0): (0.4)·ln(1.8) + (−0.4)·ln(0.2) + 0 = 0.235115 + 0.643775 = 0.878890
        Assert.Equal(0.878890, drift.Psi, 1e-5);
        Assert.Equal(DriftLevel.Significant, drift.Level);
    }

    [Fact]
    public void Too_few_decisions_in_a_window_is_not_enough_data()
    {
        var data = new DriftData([new("user.device", false, "mobile", 5)], 5, [new("user.device", false, "mobile", 50)], 50);

        Assert.Equal(DriftLevel.NotEnoughData, Assert.Single(DriftAnalysis.Analyze(data, 30, 0.1, 0.25)).Level);
    }
}
