namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's TimeSeries: one point per interval.</summary>
public sealed record TimeSeriesResponse(IReadOnlyList<TimeSeriesPointResponse> Data);
