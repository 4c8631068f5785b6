namespace Portal.Data.Entities;

/// <summary>
/// Settled decisions of one hour, one segment and one chosen action, summed: the bias page adds a few thousand of
/// these instead of reading a million decisions. <see cref="Dimension"/> is <c>""</c> for everyone,
/// <c>f:{feature path}</c> for the automatic segments of a categorical feature (one <see cref="Value"/> each), or
/// <c>s:{segment id}</c> for a saved segment (value <c>in</c>).
/// </summary>
public sealed class SegmentStat
{
    public required string LoopId { get; set; }
    public required string Dimension { get; set; }
    public DateTimeOffset BucketStart { get; set; }
    public required string Value { get; set; }
    public required string ActionId { get; set; }

    public long Decisions { get; set; }

    /// <summary>Decisions whose reward counts (a deferred decision never activated was never shown).</summary>
    public long Rewarded { get; set; }
    public double RewardSum { get; set; }
    public double RewardSquares { get; set; }
    public long Explored { get; set; }

    /// <summary>Served the baseline because of the loop's mode, a kill switch or every candidate being frozen.</summary>
    public long BaselineServed { get; set; }

    /// <summary>Decided by an override rule.</summary>
    public long OverrideServed { get; set; }
}
