namespace Portal.Features.Insights.Aggregation;

/// <summary>What one aggregation pass adds to the tables, summed in memory first so each row is written once.</summary>
public sealed class AggregateBatch
{
    public readonly record struct SegmentKey(string Dimension, string Value, long BucketStart, string ActionId);

    public readonly record struct ImportanceKey(string Dimension, string Value, long BucketStart, bool IsNamespace, string Feature);

    public readonly record struct ValueKey(string Feature, long BucketStart, bool IsNumeric, string Bin);

    public Dictionary<SegmentKey, SegmentCounts> Segments { get; } = [];

    public Dictionary<ImportanceKey, double> Importance { get; } = [];

    public Dictionary<ValueKey, long> Values { get; } = [];

    /// <summary>The last Seq read in this pass; every source's cursor moves here.</summary>
    public long LastSeq { get; set; }

    /// <summary>Decisions read (some sources may have had them already).</summary>
    public int DecisionsRead { get; set; }

    public long FirstSeq { get; set; }

    public SegmentCounts SegmentRow(in SegmentKey key)
    {
        if (!Segments.TryGetValue(key, out var counts)) Segments[key] = counts = new SegmentCounts();
        return counts;
    }

    public void AddImportance(in ImportanceKey key, double amount) =>
        Importance[key] = Importance.GetValueOrDefault(key) + amount;

    public void CountValue(in ValueKey key) => Values[key] = Values.GetValueOrDefault(key) + 1;
}
