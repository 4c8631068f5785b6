namespace Portal.Data.Entities;

/// <summary>
/// A community review panel of one loop: a fixed, anonymized sample of its recent decisions (drawn once, per segment,
/// from a seed) that invited reviewers judge. Created by a compliance reviewer, audited.
/// </summary>
public sealed class ReviewPanel
{
    public long Id { get; set; }
    public required string LoopId { get; set; }
    public required string Name { get; set; }

    /// <summary>The decisions sampled were made in [WindowFrom, WindowTo).</summary>
    public DateTimeOffset WindowFrom { get; set; }
    public DateTimeOffset WindowTo { get; set; }

    /// <summary>What the strata are: a categorical context feature's path (each value a segment), or saved segments.</summary>
    public required string StrataBy { get; set; }

    /// <summary>The saved segments' ids as a JSON array when <see cref="StrataBy"/> names saved segments; null otherwise.</summary>
    public string? SegmentIdsJson { get; set; }

    public int PerSegment { get; set; }
    public long Seed { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
}
