namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// An evaluation to run, as the page's form or Personalizer's create call asks for it. <see cref="Id"/> null: a new id
/// is made. <see cref="Standard"/>: the fixed policies to include; <see cref="Policies"/>: learner settings by name.
/// </summary>
public sealed record NewEvaluation(
    string LoopId,
    string? Id,
    string? Name,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<CandidateKind> Standard,
    IReadOnlyList<NewPolicy> Policies,
    bool OptimizationDiscovery,
    int? IntervalMinutes);
