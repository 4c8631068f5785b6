namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's EvaluationContract (2022-09-01-preview): what Evaluations_Create sends.</summary>
public sealed record EvaluationContract(
    string? Name,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyList<EvaluationPolicyContract>? Policies,
    bool? EnablePolicyOptimization);

/// <summary>Personalizer's PolicyContract: learning settings by name.</summary>
public sealed record EvaluationPolicyContract(string? Name, string? Arguments);

/// <summary>Personalizer's PolicyReferenceContract: a policy within an evaluation, for applyFromEvaluation.</summary>
public sealed record PolicyReferenceContract(string? EvaluationId, string? PolicyName);
