namespace Portal.Data.Entities;

/// <summary>
/// Σ|contribution| of one feature (or namespace) over the settled decisions of one hour and one segment (see
/// <see cref="SegmentStat"/> for the dimension); divided by the segment's decisions it is the mean absolute
/// contribution, the feature's importance.
/// </summary>
public sealed class ImportanceStat
{
    public required string LoopId { get; set; }
    public required string Dimension { get; set; }
    public DateTimeOffset BucketStart { get; set; }
    public required string Value { get; set; }
    public bool IsNamespace { get; set; }
    public required string Feature { get; set; }
    public double SumAbs { get; set; }
}
