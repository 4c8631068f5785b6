using Portal.Features.Insights.Catalog;
using Portal.Features.Loops;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>What the bias page offers to compare for a loop, and which feature it opens with.</summary>
public sealed class BiasChoices(LoopDirectory loops, BiasQueries queries, SegmentCatalog segments, SensitiveFeatureNames sensitive)
{
    /// <param name="SensitiveInputs">Categorical features whose names look sensitive and that the model still uses.</param>
    public sealed record Options(IReadOnlyList<string> Features, IReadOnlyList<SegmentCatalog.Entry> Segments, string? DefaultFeature,
        IReadOnlyList<string> SensitiveInputs);

    public IReadOnlyList<LoopRuntime> Loops => loops.All.OrderBy(l => l.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The categorical features the aggregates have segments for, and the loop's saved segments. The page opens on an
    /// audit-only feature, else one whose name looks sensitive, else the first.
    /// </summary>
    public async Task<Options> ForLoopAsync(string loopId, CancellationToken ct)
    {
        var features = await queries.FeaturesAsync(loopId, ct);
        var auditOnly = loops.Find(loopId)?.AuditOnlyFeatures;
        var preferred = features.FirstOrDefault(f => auditOnly?.Contains(f) == true)
                        ?? features.FirstOrDefault(sensitive.LooksSensitive)
                        ?? features.FirstOrDefault();
        var sensitiveInputs = features.Where(f => auditOnly?.Contains(f) != true && sensitive.LooksSensitive(f)).ToList();
        return new Options(features, segments.For(loopId).ToList(), preferred, sensitiveInputs);
    }
}
