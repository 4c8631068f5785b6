using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's Evaluation (Evaluations_Get); <see cref="Content"/> only once it succeeded.</summary>
public sealed record EvaluationResponse(
    string Id,
    string Name,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    DateTimeOffset CreationTime,
    string Status,
    string EvaluationType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OptimalPolicy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EvaluationResultResponse? Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description);

/// <summary>Personalizer's EvaluationDetails: one evaluation in a list.</summary>
public sealed record EvaluationDetailsResponse(
    string Id,
    string Name,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    DateTimeOffset CreationTime,
    string Status,
    string EvaluationType);

/// <summary>Personalizer's Evaluations: a page of the list and the link to the next one.</summary>
public sealed record EvaluationsResponse(
    IReadOnlyList<EvaluationDetailsResponse> Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextLink);

/// <summary>Personalizer's EvaluationResult: each policy's summary and time series.</summary>
public sealed record EvaluationResultResponse(
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IntervalInMinutes,
    IReadOnlyList<PolicyResultResponse> Value);

/// <summary>Personalizer's PolicyResult.</summary>
public sealed record PolicyResultResponse(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Arguments,
    string PolicySource,
    SummaryResponse Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeSeriesResponse? Timeseries);

/// <summary>Personalizer's Summary: the expected reward and its 95 % interval ([low, high]; empty when unknown).</summary>
public sealed record SummaryResponse(double? ExpectedReward, IReadOnlyList<double> ConfidenceInterval);

public sealed record TimeSeriesResponse(IReadOnlyList<TimeSeriesPointResponse> Data);

public sealed record TimeSeriesPointResponse(DateTimeOffset TimeStamp, double? ExpectedReward, IReadOnlyList<double> ConfidenceInterval);
