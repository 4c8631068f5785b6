namespace Portal.Data.Entities;

public enum OverrideKind
{
    /// <summary>Serve one action whenever it is among the candidates.</summary>
    ForceAction,

    /// <summary>Take some actions out of the candidates.</summary>
    ExcludeActions,

    /// <summary>Serve the baseline (the first candidate).</summary>
    ServeBaseline,
}

public enum RuleStatus
{
    /// <summary>Written, waiting for a second person's approval; does nothing yet.</summary>
    PendingApproval,

    /// <summary>Approved (or approval not required): acts between its start and its expiry.</summary>
    Approved,

    Rejected,

    /// <summary>Stopped by a person before its expiry.</summary>
    Revoked,
}

/// <summary>
/// An override for a segment of one loop. It keeps its own copy of the segment's predicate, so editing the segment
/// later never silently changes what an approved rule does.
/// </summary>
public sealed class OverrideRule
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public required string SegmentName { get; set; }
    public long? SegmentId { get; set; }
    public required string PredicateJson { get; set; }

    public OverrideKind Kind { get; set; }

    /// <summary>The forced action (one) or the excluded actions, as a JSON array of ids; empty for ServeBaseline.</summary>
    public required string ActionIdsJson { get; set; }

    public required string Reason { get; set; }

    /// <summary>Where rules overlap, the highest priority acts (then the newest).</summary>
    public int Priority { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public RuleStatus Status { get; set; }

    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string? ReviewerName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }

    public string? RevokedByName { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActingAt(DateTimeOffset now) =>
        Status == RuleStatus.Approved && StartsAt <= now && (ExpiresAt is null || ExpiresAt > now);
}
