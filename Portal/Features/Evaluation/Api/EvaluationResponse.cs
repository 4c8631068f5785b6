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
