using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's EvaluationResult: each policy's summary and time series.</summary>
public sealed record EvaluationResultResponse(
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IntervalInMinutes,
    IReadOnlyList<PolicyResultResponse> Value);
