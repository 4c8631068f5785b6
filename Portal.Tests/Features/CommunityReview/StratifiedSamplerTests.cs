using Portal.Features.CommunityReview.Sampling;

namespace Portal.Tests.Features.CommunityReview;

public sealed class StratifiedSamplerTests
{
    /// <summary>Segment A has 30 decisions, B 12, C 3 (seqs 1…45).</summary>
    private static List<SampleCandidate> ThreeSegments() =>
    [
        .. Enumerable.Range(1, 30).Select(i => new SampleCandidate(i, ["A"])),
        .. Enumerable.Range(31, 12).Select(i => new SampleCandidate(i, ["B"])),
        .. Enumerable.Range(43, 3).Select(i => new SampleCandidate(i, ["C"])),
    ];

    [Fact]
    public void Each_segment_gets_its_quota_or_all_it_has()
    {
        var drawn = StratifiedSampler.Draw(ThreeSegments(), perSegment: 10, seed: 42);

        var counts = drawn.GroupBy(d => d.Segment).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 10, ["B"] = 10, ["C"] = 3 }, counts);
        Assert.All(drawn.Where(d => d.Segment == "B"), d => Assert.InRange(d.Seq, 31, 42));
        Assert.Equal(drawn.Count, drawn.Select(d => d.Seq).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, drawn.Count), drawn.Select(d => d.Position));
    }

    [Fact]
    public void The_same_seed_draws_the_same_items_in_the_same_order_whatever_order_the_log_is_read_in()
    {
        var first = StratifiedSampler.Draw(ThreeSegments(), 5, seed: 7);
        var reversed = StratifiedSampler.Draw(Enumerable.Reverse(ThreeSegments()), 5, seed: 7);

        Assert.Equal(first, reversed);
    }

    [Fact]
    public void Another_seed_draws_another_sample()
    {
        var one = StratifiedSampler.Draw(ThreeSegments(), 5, seed: 1).Where(d => d.Segment == "A").Select(d => d.Seq).Order();
        var two = StratifiedSampler.Draw(ThreeSegments(), 5, seed: 2).Where(d => d.Segment == "A").Select(d => d.Seq).Order();

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Items_are_shuffled_rather_than_met_segment_by_segment()
    {
        var drawn = StratifiedSampler.Draw(ThreeSegments(), 10, seed: 42);

        var segmentChanges = drawn.Zip(drawn.Skip(1)).Count(p => p.First.Segment != p.Second.Segment);
        Assert.True(segmentChanges > 2, $"only {segmentChanges} changes of segment along the panel");
    }

    [Fact]
    public void A_decision_in_two_segments_is_drawn_once()
    {
        List<SampleCandidate> overlapping = [new(1, ["A", "B"]), new(2, ["A", "B"]), new(3, ["B"])];

        var drawn = StratifiedSampler.Draw(overlapping, perSegment: 2, seed: 3);

        Assert.Equal([1L, 2L, 3L], drawn.Select(d => d.Seq).Order());
        Assert.Equal(2, drawn.Count(d => d.Segment == "A"));
        Assert.Equal(3L, Assert.Single(drawn, d => d.Segment == "B").Seq);
    }

    [Fact]
    public void Only_the_largest_segments_are_kept_when_a_feature_has_many_values()
    {
        var candidates = Enumerable.Range(0, Strata.MaxSegments + 5)
            .SelectMany(v => Enumerable.Range(0, v + 1).Select(i => new SampleCandidate(v * 1000 + i, [$"value-{v:00}"]))).ToList();

        var kept = Strata.KeepLargest(candidates);

        var segments = kept.SelectMany(c => c.Segments).Distinct().Order().ToList();
        Assert.Equal(Strata.MaxSegments, segments.Count);
        Assert.Equal("value-05", segments[0]);
    }
}
