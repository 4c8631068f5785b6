using System.Text.Json.Serialization;

namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's Evaluations: a page of the list and the link to the next one.</summary>
public sealed record EvaluationsResponse(
    IReadOnlyList<EvaluationDetailsResponse> Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextLink);
