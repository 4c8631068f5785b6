namespace Portal.Data.Entities;

/// <summary>
/// How many settled decisions of one hour had a context feature at one value: a category (<c>65+</c>) or a number
/// coarsened to two significant digits (<see cref="IsNumeric"/>, the number's invariant text). The drift index
/// compares these histograms between windows.
/// </summary>
public sealed class FeatureValueStat
{
    public required string LoopId { get; set; }
    public required string Feature { get; set; }
    public DateTimeOffset BucketStart { get; set; }
    public bool IsNumeric { get; set; }
    public required string Bin { get; set; }
    public long Count { get; set; }
}
