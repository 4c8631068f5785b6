namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's EvaluationContract (2022-09-01-preview): what Evaluations_Create sends.</summary>
public sealed record EvaluationContract(
    string? Name,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyList<EvaluationPolicyContract>? Policies,
    bool? EnablePolicyOptimization);
