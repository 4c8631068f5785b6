namespace Portal.Features.Insights.Bias;

/// <summary>One segment's sums for one chosen action over a window.</summary>
public sealed record SegmentTotals(
    string Dimension, string Value, string ActionId, long Decisions, long Rewarded, double RewardSum, double RewardSquares,
    long Explored, long BaselineServed, long OverrideServed);
