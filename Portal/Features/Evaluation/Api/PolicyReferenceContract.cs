namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's PolicyReferenceContract: a policy within an evaluation, for applyFromEvaluation.</summary>
public sealed record PolicyReferenceContract(string? EvaluationId, string? PolicyName);
