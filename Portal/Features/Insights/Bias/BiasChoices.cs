using Portal.Features.Insights.Catalog;
using Portal.Features.Loops;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>What the bias page offers to compare for a loop, and which feature it opens with.</summary>
public sealed class BiasChoices(LoopDirectory loops, SegmentQueries segmentQueries, SegmentCatalog segments, SensitiveFeatureNames sensitive)
{
    public sealed record Options(IReadOnlyList<string> Features, IReadOnlyList<SegmentCatalog.Entry> Segments, string? DefaultFeature);

    public IReadOnlyList<LoopRuntime> Loops => loops.All.OrderBy(l => l.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The categorical features seen in the loop's recent decisions and its saved segments. The page opens on an
    /// audit-only feature, else one whose name looks sensitive, else the first.
    /// </summary>
    public async Task<Options> ForLoopAsync(string loopId, CancellationToken ct)
    {
        var features = (await segmentQueries.KnownFeaturesAsync(loopId, ct)).Select(f => f.Feature).ToList();
        var auditOnly = loops.Find(loopId)?.AuditOnlyFeatures;
        var preferred = features.FirstOrDefault(f => auditOnly?.Contains(f) == true)
                        ?? features.FirstOrDefault(sensitive.LooksSensitive)
                        ?? features.FirstOrDefault();
        return new Options(features, segments.For(loopId).ToList(), preferred);
    }
}
