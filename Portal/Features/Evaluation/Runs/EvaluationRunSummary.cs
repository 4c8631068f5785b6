using Portal.Data.Entities;

namespace Portal.Features.Evaluation.Runs;

/// <summary>A stored run as lists show it: what was asked, where it is, and how it ended.</summary>
public sealed record EvaluationRunSummary(
    string LoopId,
    string Id,
    string Name,
    DateTimeOffset From,
    DateTimeOffset To,
    EvaluationRunStatus Status,
    double Progress,
    long DecisionsRead,
    string? FailureMessage,
    string? FailureField,
    int? IntervalMinutes,
    bool OptimizationDiscovery,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public RunKey Key => new(LoopId, Id);

    public bool IsActive => Status is EvaluationRunStatus.Pending or EvaluationRunStatus.Running;
}
