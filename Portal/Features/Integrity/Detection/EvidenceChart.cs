using System.Globalization;
using MudBlazor;
using Portal.Data.Entities;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// A finding's evidence as a line chart: the value per window (in percent, or per 100 decisions for reward calls) against
/// the baseline's mean and the band of two spreads above it; the flagged windows are the last points.
/// </summary>
public sealed record EvidenceChart(string[] Labels, List<ChartSeries<double>> Series, IReadOnlyList<WindowPoint> Points)
{
    public static EvidenceChart Of(ManipulationFinding finding)
    {
        var points = FindingEvidence.Read(finding.EvidenceJson);
        var labels = points.Select(p => p.To.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + (p.Flagged ? " ⚑" : "")).ToArray();
        var band = finding.BaselineMean + 2 * finding.BaselineSpread;
        return new EvidenceChart(labels,
        [
            new() { Name = "Measured per window", Data = points.Select(p => p.Value * 100).ToArray() },
            new() { Name = "Baseline mean", Data = points.Select(_ => finding.BaselineMean * 100).ToArray() },
            new() { Name = "Baseline + 2 spreads", Data = points.Select(_ => band * 100).ToArray() },
        ], points);
    }

    public int YAxisTicks => Components.Shared.ChartTicks.For(Series.SelectMany(s => s.Data.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max());

    /// <summary>What the detector measured, in words for the page.</summary>
    public static string Describe(FindingKind kind) => kind switch
    {
        FindingKind.RewardRate => "Reward rate",
        FindingKind.RewardBurst => "Reward burst",
        FindingKind.FastRewards => "Implausibly fast rewards",
        FindingKind.ActionShare => "Share jump",
        _ => kind.ToString(),
    };
}
