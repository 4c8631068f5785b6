namespace Portal.Data.Entities;

/// <summary>
/// A time window of a loop's decisions that must never be learned from (suspected manipulation: fake rewards,
/// scripted traffic). The decisions stay in the log for inspection; the trainer skips them, also when it re-learns
/// after a rollback.
/// </summary>
public sealed class Quarantine
{
    public long Id { get; set; }
    public required string LoopId { get; set; }

    /// <summary>Decisions created at or after this moment…</summary>
    public DateTimeOffset From { get; set; }

    /// <summary>…and before this one are quarantined.</summary>
    public DateTimeOffset To { get; set; }

    public required string Reason { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The snapshot learning was rolled back to (null: none was needed, or the log was re-learned from the start).</summary>
    public string? RolledBackTo { get; set; }
}

/// <summary>A quarantined window, as the trainer and the decision page test it.</summary>
public readonly record struct QuarantineWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static bool Covers(IReadOnlyList<QuarantineWindow> windows, DateTimeOffset createdAt)
    {
        foreach (var window in windows)
        {
            if (createdAt >= window.From && createdAt < window.To) return true;
        }
        return false;
    }
}
