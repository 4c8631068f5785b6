namespace Portal.Features.Evaluation;

/// <summary>
/// One counterfactual evaluation: a loop's learnable decisions logged in [<see cref="From"/>, <see cref="To"/>),
/// judged for each candidate. <see cref="BucketWidth"/>, when given, also yields a time series per policy.
/// </summary>
public sealed record EvaluationRequest(
    string LoopId,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<PolicyCandidate> Candidates,
    TimeSpan? BucketWidth = null);
