using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// One group's figures over the window: decisions, reward rate, the compared metric (the reward rate, or the share of
/// one action), exploration and oversight shares, action counts, feature importance (mean |contribution| per decision)
/// and the comparison with the reference.
/// </summary>
public sealed record GroupSummary(
    string Label,
    long Decisions,
    MeanEstimate Reward,
    MeanEstimate Metric,
    double ExplorationShare,
    double BaselineShare,
    double OverrideShare,
    IReadOnlyDictionary<string, long> ActionCounts,
    IReadOnlyDictionary<string, double> FeatureImportance,
    IReadOnlyDictionary<string, double> NamespaceImportance,
    DisparityRatio? Ratio = null,
    DisparityVerdict Verdict = DisparityVerdict.WithinThreshold)
{
    public double ActionShare(string actionId) => Decisions == 0 ? 0 : (double)ActionCounts.GetValueOrDefault(actionId) / Decisions;
}
