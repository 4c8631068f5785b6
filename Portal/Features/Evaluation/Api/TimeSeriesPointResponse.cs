namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's Data: the expected reward of one interval and its 95 % interval.</summary>
public sealed record TimeSeriesPointResponse(DateTimeOffset TimeStamp, double? ExpectedReward, IReadOnlyList<double> ConfidenceInterval);
