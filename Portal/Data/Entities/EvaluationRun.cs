namespace Portal.Data.Entities;

/// <summary>Where a stored evaluation run is: queued, running, or ended one of three ways.</summary>
public enum EvaluationRunStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Canceled,
}

/// <summary>
/// One offline (counterfactual) evaluation of a loop, as a person or a client asked for it and as the background runner
/// left it: the window, the candidates (JSON list), the progress, and the result (JSON) or why it failed. Its id is the
/// Personalizer evaluation id, unique within the loop. Deleting the loop deletes its runs.
/// </summary>
public sealed class EvaluationRun
{
    public required string LoopId { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Decisions logged at or after <see cref="From"/> and before <see cref="To"/> are evaluated.</summary>
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }

    /// <summary>The candidates, as <c>[{"kind","name","arguments","source"}]</c>.</summary>
    public required string CandidatesJson { get; set; }

    /// <summary>Width of the time series buckets in minutes; null: no time series.</summary>
    public int? IntervalMinutes { get; set; }

    /// <summary>Whether a small grid of learner settings around the loop's policy was added (Personalizer's policy optimization).</summary>
    public bool OptimizationDiscovery { get; set; }

    public EvaluationRunStatus Status { get; set; }

    /// <summary>Share of the window's decisions read, 0 to 1, and how many.</summary>
    public double Progress { get; set; }
    public long DecisionsRead { get; set; }

    /// <summary>Why the run failed, in words a person can act on.</summary>
    public string? FailureMessage { get; set; }

    /// <summary>The request field at fault when the evaluator refused the request (see EvaluationRequestException).</summary>
    public string? FailureField { get; set; }

    /// <summary>The stored report (estimates per candidate and their time series) once the run succeeded.</summary>
    public string? ResultJson { get; set; }

    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The node evaluating it while it runs (with several nodes, a restart fails only its own runs).</summary>
    public string? RunningOn { get; set; }

    /// <summary>When that node last stored the run's progress (every 2 s): a run whose node stopped answering goes stale.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
