namespace Portal.Features.Insights.Bias;

/// <summary>One segment's rewards in one hour.</summary>
public sealed record TrendPoint(string Dimension, string Value, DateTimeOffset BucketStart, long Rewarded, double RewardSum);
