using Portal.Features.Comprehension;
using Portal.Features.Insights.Statistics;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>The comprehension rates of a bias question's groups, from the answers received in its window (the bias page and the compliance report).</summary>
public sealed class ComprehensionRates(ComprehensionCounts counts, SegmentCatalog segments)
{
    public async Task<ComprehensionTable> ForQuestionAsync(BiasQuestion question, CancellationToken ct)
    {
        var (from, to) = (question.Window.From, question.Window.To);
        var groups = question.BySegments
            ? await counts.InSegmentsAsync(question.LoopId, (question.SegmentIds ?? []).Select(segments.Find).OfType<SegmentCatalog.Entry>().ToList(), from, to, ct)
            : await counts.ByFeatureAsync(question.LoopId, question.Feature!, from, to, ct);
        var everyone = await counts.EveryoneAsync(question.LoopId, from, to, ct);
        return new ComprehensionTable(question, groups.Select(Rate).ToList(), Rate(everyone));
    }

    private static ComprehensionRate Rate(GroupAnswers group) => new(group.Label, group.Answers, group.Clear);
}
