namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's EvaluationDetails: one evaluation in a list.</summary>
public sealed record EvaluationDetailsResponse(
    string Id,
    string Name,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    DateTimeOffset CreationTime,
    string Status,
    string EvaluationType);
