namespace Portal.Features.Evaluation.Runs;

/// <summary>A stored run with its candidates and, once it succeeded, its report.</summary>
public sealed record EvaluationRunDetail(EvaluationRunSummary Run, IReadOnlyList<StoredCandidate> Candidates, StoredReport? Report);
