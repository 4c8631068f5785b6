namespace Portal.Features.Insights.Statistics;

/// <summary>When a disparity is flagged: a ratio under <see cref="Ratio"/>, enough decisions on both sides, and an interval that excludes parity.</summary>
public sealed record DisparityThresholds(double Ratio, long MinimumSample)
{
    public static DisparityThresholds Default { get; } = new(0.8, 30);
}
