namespace Portal.Features.Evaluation.Estimators;

/// <summary>One candidate policy's estimates; <see cref="Dr"/> is null when no reward model was given.</summary>
public sealed record PolicyEstimates(string Policy, OffPolicyEstimate Ips, OffPolicyEstimate Snips, OffPolicyEstimate? Dr);
