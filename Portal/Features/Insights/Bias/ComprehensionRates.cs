using Microsoft.Extensions.Options;
using Portal.Features.Comprehension;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Statistics;
using Portal.Features.Segments;

namespace Portal.Features.Insights.Bias;

/// <summary>The comprehension rates of a bias question's groups, from the answers received in its window (the bias page and the compliance report).</summary>
public sealed class ComprehensionRates(ComprehensionCounts counts, SegmentCatalog segments, AggregateStore store, IOptions<InsightsOptions> options)
{
    public async Task<ComprehensionTable> ForQuestionAsync(BiasQuestion question, CancellationToken ct)
    {
        var (from, to) = (question.Window.From, question.Window.To);
        var groups = question.BySegments
            ? await counts.InSegmentsAsync(question.LoopId, (question.SegmentIds ?? []).Select(segments.Find).OfType<SegmentCatalog.Entry>().ToList(), from, to, ct)
            : await ByValueAsync(question.LoopId, question.Feature!, from, to, ct);
        var everyone = await counts.EveryoneAsync(question.LoopId, from, to, ct);
        return new ComprehensionTable(question, groups.Select(Rate).ToList(), Rate(everyone));
    }

    /// <summary>Per value of the feature, with the values the bias table counts as "(other)" counted there too.</summary>
    private async Task<IReadOnlyList<GroupAnswers>> ByValueAsync(string loopId, string feature, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var byValue = await counts.ByFeatureAsync(loopId, feature, from, to, ct);
        var admitted = (await store.KnownValuesAsync(loopId, ct)).Where(v => v.Feature == feature && v.Value != Dimensions.OtherValue)
            .Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        return FoldOther(byValue, admitted, options.Value.MaxValuesPerFeature);
    }

    /// <summary>
    /// The aggregator gives the first <paramref name="maxValues"/> values of a feature segments of their own and counts
    /// later ones (and over-long ones) as "(other)" (<see cref="FeatureValueRegistry"/>); answers are grouped the same
    /// way, "(other)" last. While the feature has fewer admitted values than that, every value answered is shown.
    /// </summary>
    public static IReadOnlyList<GroupAnswers> FoldOther(IReadOnlyList<GroupAnswers> byValue, IReadOnlySet<string> admitted, int maxValues)
    {
        var full = admitted.Count >= maxValues;
        bool Own(GroupAnswers g) => g.Label != Dimensions.OtherValue && g.Label.Length <= FeatureValueRegistry.MaxValueLength
            && (!full || admitted.Contains(g.Label));
        var groups = byValue.Where(Own).ToList();
        var other = byValue.Where(g => !Own(g)).ToList();
        if (other.Count > 0) groups.Add(new GroupAnswers(Dimensions.OtherValue, other.Sum(g => g.Answers), other.Sum(g => g.Clear)));
        return groups;
    }

    private static ComprehensionRate Rate(GroupAnswers group) => new(group.Label, group.Answers, group.Clear);
}
