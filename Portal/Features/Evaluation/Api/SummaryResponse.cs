namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's Summary: the expected reward and its 95 % interval ([low, high]; empty when unknown).</summary>
public sealed record SummaryResponse(double? ExpectedReward, IReadOnlyList<double> ConfidenceInterval);
