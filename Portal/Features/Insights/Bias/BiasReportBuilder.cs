using Microsoft.Extensions.Options;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Feedback;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>Answers a bias question from the aggregates: which groups, their sums over the window, the analysis.</summary>
public sealed class BiasReportBuilder(BiasQueries queries, SegmentCatalog segments, FeedbackSegmentCounts tickets, IOptions<InsightsOptions> options)
{
    public async Task<BiasReport> BuildAsync(BiasQuestion question, CancellationToken ct)
    {
        var fixedGroups = question.BySegments ? SegmentGroups(question) : null;
        var dimensions = fixedGroups?.Select(g => g.Dimension).ToList() ?? [Dimensions.Feature(question.Feature!)];
        dimensions.Add(Dimensions.Everyone);
        var data = await queries.LoadAsync(question.LoopId, dimensions, question.Window, ct);
        var groups = fixedGroups ?? FeatureGroups(question.Feature!, data);
        var report = BiasAnalysis.Analyze(question, groups, data, options.Value.Thresholds);
        return report with { UnfairTickets = await UnfairTicketsAsync(question, groups, ct),
            UnfairTicketsTotal = await tickets.UnfairTotalAsync(question.LoopId, ct, question.Window.From, question.Window.To) };
    }

    /// <summary>What end users reported as unfair or biased, per compared group: the bias page's second witness.</summary>
    private async Task<IReadOnlyDictionary<string, int>> UnfairTicketsAsync(BiasQuestion question, List<GroupDefinition> groups, CancellationToken ct)
    {
        var (from, to) = (question.Window.From, question.Window.To);
        if (!question.BySegments) return await tickets.UnfairBySegmentAsync(question.LoopId, question.Feature!, ct, from, to);
        var chosen = (question.SegmentIds ?? []).Select(segments.Find).OfType<SegmentCatalog.Entry>().ToList();
        var counts = await tickets.UnfairInSegmentsAsync(question.LoopId, chosen.Select(s => s.Predicate.Definition).ToList(), ct, from, to);
        return chosen.Zip(counts).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal);
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
