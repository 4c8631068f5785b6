namespace Portal.Data.Entities;

/// <summary>What a manipulation detector measured when it raised a finding.</summary>
public enum FindingKind
{
    /// <summary>An action's reward rate in one segment rose far above its rolling baseline.</summary>
    RewardRate,

    /// <summary>One source sent far more of the loop's rewards than it used to.</summary>
    RewardBurst,

    /// <summary>Far more rewards than usual arrived implausibly soon after their Rank.</summary>
    FastRewards,

    /// <summary>An action's share of one segment's decisions jumped.</summary>
    ActionShare,
}

public enum FindingStatus
{
    Open,
    Dismissed,
    Quarantined,
}

/// <summary>
/// A suspicion of manipulation raised by the detectors, waiting in the review queue. Consecutive flagged windows of the
/// same measurement extend one open finding instead of adding another. The evidence is the measured series (the
/// baseline windows and the flagged ones) so the reviewer sees the jump, not just a score.
/// </summary>
public sealed class ManipulationFinding
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public FindingKind Kind { get; set; }

    /// <summary>Identifies the measurement (kind, action, segment, source): consecutive windows of it extend one finding.</summary>
    public required string CellKey { get; set; }

    /// <summary>The measurement in words, e.g. "reward rate of markets-weekly for user.country = BR".</summary>
    public required string Subject { get; set; }

    public string? ActionId { get; set; }
    public string? SegmentFeature { get; set; }
    public string? SegmentValue { get; set; }

    /// <summary>The reward source (a keyed hash of its address) for bursts.</summary>
    public string? Source { get; set; }

    /// <summary>First and last logged decision of the flagged windows.</summary>
    public long FirstSeq { get; set; }
    public long LastSeq { get; set; }
    public DateTimeOffset WindowFrom { get; set; }
    public DateTimeOffset WindowTo { get; set; }

    /// <summary>The latest flagged window's value, the baseline's mean and spread, and the largest z-score seen.</summary>
    public double Observed { get; set; }
    public double BaselineMean { get; set; }
    public double BaselineSpread { get; set; }
    public double ZScore { get; set; }

    /// <summary>Events behind the latest flagged value (decisions, rewards).</summary>
    public int Sample { get; set; }

    /// <summary>[{"from","to","value","n","flagged"}]: the baseline windows then the flagged ones, oldest first.</summary>
    public required string EvidenceJson { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FindingStatus Status { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }

    /// <summary>The quarantine a reviewer made of the finding's window.</summary>
    public long? QuarantineId { get; set; }
}
