namespace Portal.Features.Evaluation.Api;

/// <summary>Personalizer's PolicyContract: learning settings by name.</summary>
public sealed record EvaluationPolicyContract(string? Name, string? Arguments);
