namespace Portal.Features.Insights.Bias;

/// <summary>The aggregates one bias question needs, summed over its window by the database.</summary>
public sealed record BiasData(IReadOnlyList<SegmentTotals> Segments, IReadOnlyList<ImportanceTotal> Importance, IReadOnlyList<TrendPoint> Trend);
