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

    /// <summary>When set, only the decisions whose reward came from this source (see RewardSources) are quarantined.</summary>
    public string? Source { get; set; }

    public required string Reason { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The snapshot learning was rolled back to (null: none was needed, or the log was re-learned from the start).</summary>
    public string? RolledBackTo { get; set; }
}

/// <summary>A quarantined window (of one reward source, or of all), as the trainer, the decision page and the export test it.</summary>
public readonly record struct QuarantineWindow(DateTimeOffset From, DateTimeOffset To, string? Source = null)
{
    public static bool Covers(IReadOnlyList<QuarantineWindow> windows, DateTimeOffset createdAt, string? rewardSource)
    {
        foreach (var window in windows)
        {
            if (createdAt >= window.From && createdAt < window.To && (window.Source is null || window.Source == rewardSource)) return true;
        }
        return false;
    }
}
