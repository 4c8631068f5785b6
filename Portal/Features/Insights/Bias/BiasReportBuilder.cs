using Microsoft.Extensions.Options;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>Answers a bias question from the aggregates: which groups, their sums over the window, the analysis.</summary>
public sealed class BiasReportBuilder(BiasQueries queries, SegmentCatalog segments, IOptions<InsightsOptions> options)
{
    public async Task<BiasReport> BuildAsync(BiasQuestion question, CancellationToken ct)
    {
        var fixedGroups = question.BySegments ? SegmentGroups(question) : null;
        var dimensions = fixedGroups?.Select(g => g.Dimension).ToList() ?? [Dimensions.Feature(question.Feature!)];
        dimensions.Add(Dimensions.Everyone);
        var data = await queries.LoadAsync(question.LoopId, dimensions, question.Window, ct);
        var groups = fixedGroups ?? FeatureGroups(question.Feature!, data);
        return BiasAnalysis.Analyze(question, groups, data, options.Value.Thresholds);
    }

    private List<GroupDefinition> SegmentGroups(BiasQuestion question) =>
        (question.SegmentIds ?? [])
            .Select(segments.Find).OfType<SegmentCatalog.Entry>()
            .Select(s => new GroupDefinition(Dimensions.Segment(s.Id), Dimensions.MemberValue, s.Name))
            .ToList();

    /// <summary>Every value of the feature that has decisions in the window, in order, "(other)" last.</summary>
    private static List<GroupDefinition> FeatureGroups(string feature, BiasData data)
    {
        var dimension = Dimensions.Feature(feature);
        return data.Segments.Where(s => s.Dimension == dimension).Select(s => s.Value).Distinct()
            .OrderBy(v => v == Dimensions.OtherValue).ThenBy(v => v, StringComparer.Ordinal)
            .Select(v => new GroupDefinition(dimension, v, v))
            .ToList();
    }
}
