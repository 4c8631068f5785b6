namespace Portal.Features.Insights.Bias;

/// <summary>
/// What a reviewer asks: in this loop and window, compare the values of one categorical feature (<see cref="Feature"/>,
/// e.g. <c>user.ageBand</c>) or some saved segments (<see cref="SegmentIds"/>) on the reward rate, or on how often they
/// are shown one action (<see cref="ActionId"/>), against everyone or the best group.
/// </summary>
public sealed record BiasQuestion(
    string LoopId,
    AnalysisWindow Window,
    string? Feature = null,
    IReadOnlyList<long>? SegmentIds = null,
    ComparisonReference Reference = ComparisonReference.Everyone,
    string? ActionId = null)
{
    public bool BySegments => Feature is null;
}
