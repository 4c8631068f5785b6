namespace Portal.Features.Evaluation;

/// <summary>
/// One counterfactual evaluation: a loop's learnable decisions logged in [<see cref="From"/>, <see cref="To"/>),
/// judged for each candidate. <see cref="BucketWidth"/>, when given, also yields a time series per policy.
/// <see cref="Reference"/>, when given, is the index of the candidate the others are compared with: each report then
/// carries its paired difference from it (<see cref="PolicyReport.Difference"/>), with an interval of its own.
/// </summary>
public sealed record EvaluationRequest(
    string LoopId,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<PolicyCandidate> Candidates,
    TimeSpan? BucketWidth = null,
    int? Reference = null);
