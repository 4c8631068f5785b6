namespace Portal.Features.Insights.Aggregation;

/// <summary>The running sums of one <see cref="Data.Entities.SegmentStat"/> row within a batch.</summary>
public sealed class SegmentCounts
{
    public long Decisions;
    public long Rewarded;
    public double RewardSum;
    public double RewardSquares;
    public long Explored;
    public long BaselineServed;
    public long OverrideServed;
}
