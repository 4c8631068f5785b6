namespace Portal.Data.Entities;

/// <summary>
/// One human (or application) change, append-only: database triggers refuse UPDATE and DELETE, and each entry holds
/// the keyed hash of its predecessor, so a changed, removed or inserted row breaks the chain at that point.
/// </summary>
public sealed class AuditEntry
{
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The person's user id; null for an application key or Portal itself.</summary>
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>What happened, e.g. <c>action.freeze</c>, <c>loop.kill-switch.on</c>, <c>user.roles</c>.</summary>
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }

    /// <summary>The loop the change concerns, for filtering; null for users and global switches.</summary>
    public string? LoopId { get; set; }

    /// <summary>JSON of the state before and after the change (null where there was none).</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
