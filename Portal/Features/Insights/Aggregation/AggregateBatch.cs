namespace Portal.Features.Insights.Aggregation;

/// <summary>What one aggregation pass adds to the tables, summed in memory first so each row is written once.</summary>
public sealed class AggregateBatch
{
    public readonly record struct SegmentKey(string Dimension, string Value, long BucketStart, string ActionId);

    /// <summary>A segment in an hour, whose importance sums are kept together (see <see cref="ImportanceSums"/>).</summary>
    public readonly record struct ImportanceGroup(string Dimension, string Value, long BucketStart);

    /// <summary>A feature or namespace an explanation named: numbered once per batch (<see cref="TermId"/>).</summary>
    public readonly record struct Term(bool IsNamespace, string Feature);

    public readonly record struct ValueKey(string Feature, long BucketStart, bool IsNumeric, string Bin);

    public Dictionary<SegmentKey, SegmentCounts> Segments { get; } = [];

    /// <summary>Σ|contribution| per segment and hour, per term of <see cref="Terms"/>.</summary>
    public Dictionary<ImportanceGroup, ImportanceSums> Importance { get; } = [];

    /// <summary>The terms by number.</summary>
    public List<Term> Terms { get; } = [];

    private readonly Dictionary<Term, int> termIds = [];

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

    public int TermId(in Term term)
    {
        if (!termIds.TryGetValue(term, out var id))
        {
            termIds[term] = id = Terms.Count;
            Terms.Add(term);
        }
        return id;
    }

    public ImportanceSums ImportanceOf(in ImportanceGroup group)
    {
        if (!Importance.TryGetValue(group, out var sums)) Importance[group] = sums = new ImportanceSums();
        return sums;
    }

    public void CountValue(in ValueKey key) => Values[key] = Values.GetValueOrDefault(key) + 1;
}
