using Portal.Contracts.DecisionLog;
using Portal.Features.Decisions;

namespace Portal.Features.Segments;

/// <summary>What the segment editor shows: how many recent decisions a definition matches, and which features exist.</summary>
public sealed class SegmentQueries(DecisionSamples samples)
{
    public const int FeatureSampleSize = 500;

    public sealed record Preview(int Matching, int Scanned, DateTimeOffset? Since);

    /// <summary>A categorical feature seen in recent contexts, with its values (most frequent first).</summary>
    public sealed record KnownFeature(string Feature, IReadOnlyList<string> Values);

    public async Task<Preview> PreviewAsync(SegmentDefinition definition, string? loopId, CancellationToken ct)
    {
        var recent = await samples.RecentAsync(loopId, DecisionSamples.DefaultSize, ct);
        if (SegmentJson.Problem(definition) is not null) return new Preview(0, recent.Count, recent.LastOrDefault()?.CreatedAt);
        var predicate = SegmentPredicate.Compile(definition);
        return new Preview(recent.Count(d => predicate.Matches(d.Context)), recent.Count, recent.LastOrDefault()?.CreatedAt);
    }

    /// <summary>The automatic segments: every categorical value seen in the most recent contexts.</summary>
    public async Task<IReadOnlyList<KnownFeature>> KnownFeaturesAsync(string? loopId, CancellationToken ct)
    {
        var recent = await samples.RecentAsync(loopId, FeatureSampleSize, ct);
        return recent.SelectMany(d => ContextFeatures.Categories(d.Context))
            .GroupBy(c => c.Feature, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KnownFeature(g.Key, g.GroupBy(c => c.Value, StringComparer.Ordinal)
                .OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key).ToList()))
            .ToList();
    }
}
