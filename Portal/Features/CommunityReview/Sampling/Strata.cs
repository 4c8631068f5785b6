using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Features.Segments;

namespace Portal.Features.CommunityReview.Sampling;

/// <summary>
/// How a panel splits decisions into segments: by the values of one categorical context feature (each value is an
/// automatic segment, <c>user.ageBand = 65+</c>), or by saved segments (each named by its name). The same segments the
/// bias page compares.
/// </summary>
public sealed class Strata
{
    public const string SavedSegments = "(saved segments)";

    /// <summary>The most segments a panel samples: a feature's most frequent values beyond this are left out.</summary>
    public const int MaxSegments = 20;

    private readonly string[]? path;
    private readonly IReadOnlyList<SegmentCatalog.Entry> segments;

    private Strata(string by, IReadOnlyList<SegmentCatalog.Entry> segments)
    {
        By = by;
        path = by == SavedSegments ? null : by.Split('.');
        this.segments = segments;
    }

    public string By { get; }

    public static Strata ByFeature(string featurePath) => new(featurePath, []);

    public static Strata BySegments(IReadOnlyList<SegmentCatalog.Entry> segments) => new(SavedSegments, segments);

    /// <summary>The segments a decision's context falls in.</summary>
    public IReadOnlyList<string> Of(IReadOnlyList<JsonElement> context)
    {
        if (path is null) return segments.Where(s => s.Predicate.Matches(context)).Select(s => s.Name).ToList();
        var feature = By;
        return ContextFeatures.Categories(context).Where(c => c.Feature == feature).Select(c => $"{feature} = {c.Value}").Distinct().ToList();
    }

    /// <summary>Keeps the <see cref="MaxSegments"/> segments with the most decisions (a feature with many values would swamp the panel).</summary>
    public static IReadOnlyList<SampleCandidate> KeepLargest(IReadOnlyList<SampleCandidate> candidates)
    {
        var kept = candidates.SelectMany(c => c.Segments).GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxSegments)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return candidates.Select(c => c with { Segments = c.Segments.Where(kept.Contains).ToList() })
            .Where(c => c.Segments.Count > 0).ToList();
    }

    public static bool IsReadableFeature(string path) => FeatureJson.IsReadablePath(path.Split('.'));
}
