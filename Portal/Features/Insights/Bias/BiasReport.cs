using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Bias;

/// <summary>The answer to a <see cref="BiasQuestion"/>: every group against its reference, with what the charts and tables show.</summary>
public sealed record BiasReport(
    BiasQuestion Question,
    DisparityThresholds Thresholds,
    string MetricName,
    GroupSummary Everyone,
    IReadOnlyList<GroupSummary> Groups,
    GroupSummary? Reference,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> TopFeatures,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<DateTimeOffset> TrendSteps,
    IReadOnlyList<TrendSeries> Trend,
    IReadOnlyDictionary<string, int>? UnfairTickets = null,
    int UnfairTicketsTotal = 0)
{
    /// <summary>End users' "unfair or biased" tickets about a group's decisions in the window (by the group's label).</summary>
    public int UnfairTicketsOf(GroupSummary group) =>
        group == Everyone ? UnfairTicketsTotal : UnfairTickets?.GetValueOrDefault(group.Label) ?? 0;

    public const int MaxFeatures = 10;

    public IEnumerable<GroupSummary> Flagged => Groups.Where(g => g.Verdict == DisparityVerdict.Flagged);

    public string ReferenceLabel => Question.Reference == ComparisonReference.Everyone ? "everyone" : Reference?.Label ?? "the best group";
}
