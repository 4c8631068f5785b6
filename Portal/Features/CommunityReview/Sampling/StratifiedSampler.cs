using Portal.Features.Learning;

namespace Portal.Features.CommunityReview.Sampling;

/// <summary>
/// Draws a stratified sample: for each segment (in name order) up to <c>perSegment</c> of its decisions, uniformly at
/// random without replacement, all of them when it has fewer. A decision drawn for one segment is not drawn again for
/// another it also falls in. Each decision's draw order is a hash of the seed and its log position, so the same seed
/// over the same decisions gives the same sample, whatever order they are read in; the items are then shuffled by the
/// seed, so reviewers do not meet the segments in blocks, and every reviewer of a panel meets them in the same order.
/// </summary>
public static class StratifiedSampler
{
    public static IReadOnlyList<DrawnItem> Draw(IEnumerable<SampleCandidate> candidates, int perSegment, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSegment, 1);
        var bySegment = candidates
            .SelectMany(c => c.Segments.Distinct(StringComparer.Ordinal).Select(s => (Segment: s, c.Seq)))
            .GroupBy(x => x.Segment, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var taken = new HashSet<long>();
        var drawn = new List<(long Seq, string Segment)>();
        foreach (var segment in bySegment)
        {
            var picks = segment.Select(x => x.Seq).Distinct().Where(seq => !taken.Contains(seq))
                .OrderBy(seq => Key(seed, seq)).ThenBy(seq => seq).Take(perSegment);
            foreach (var seq in picks)
            {
                taken.Add(seq);
                drawn.Add((seq, segment.Key));
            }
        }
        return drawn.OrderBy(d => Key(~seed, d.Seq)).ThenBy(d => d.Seq)
            .Select((d, position) => new DrawnItem(d.Seq, d.Segment, position)).ToList();
    }

    private static ulong Key(long seed, long seq) => new SplitMix64(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)seq)).Next();
}
