using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Bias;

/// <summary>Turns the summed aggregates of a question into a <see cref="BiasReport"/>. Pure: tests feed it numbers by hand.</summary>
public static class BiasAnalysis
{
    public static BiasReport Analyze(BiasQuestion question, IReadOnlyList<GroupDefinition> groups, BiasData data, DisparityThresholds thresholds)
    {
        var everyone = Summarize(new GroupDefinition(Dimensions.Everyone, "", "Everyone"), data, question.ActionId);
        var summaries = groups.Select(g => Summarize(g, data, question.ActionId)).ToList();
        var reference = question.Reference == ComparisonReference.Everyone
            ? everyone
            : summaries.Where(s => s.Metric.Count >= thresholds.MinimumSample && !double.IsNaN(s.Metric.Mean)).MaxBy(s => s.Metric.Mean);
        var compared = summaries.Select(s => Compare(s, reference, thresholds)).ToList();
        var actions = everyone.ActionCounts.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).ToList();
        var steps = Steps(question.Window);
        var trend = new List<TrendSeries> { Trend("Everyone", Dimensions.Everyone, "", data, question.Window, steps) };
        trend.AddRange(groups.Select(g => Trend(g.Label, g.Dimension, g.Value, data, question.Window, steps)));
        return new BiasReport(question, thresholds,
            question.ActionId is null ? "Reward rate" : $"Share of {question.ActionId}",
            everyone, compared, reference, actions,
            Top(everyone.FeatureImportance, BiasReport.MaxFeatures), Top(everyone.NamespaceImportance, BiasReport.MaxFeatures),
            steps, trend);
    }

    private static GroupSummary Summarize(GroupDefinition group, BiasData data, string? actionId)
    {
        var rows = data.Segments.Where(s => s.Dimension == group.Dimension && s.Value == group.Value).ToList();
        long decisions = rows.Sum(r => r.Decisions);
        var reward = new MeanEstimate(rows.Sum(r => r.Rewarded), rows.Sum(r => r.RewardSum), rows.Sum(r => r.RewardSquares));
        var actions = rows.GroupBy(r => r.ActionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Decisions), StringComparer.Ordinal);
        var shown = actionId is null ? 0 : actions.GetValueOrDefault(actionId);
        var metric = actionId is null ? reward : new MeanEstimate(decisions, shown, shown);
        var importance = data.Importance.Where(i => i.Dimension == group.Dimension && i.Value == group.Value).ToList();
        return new GroupSummary(group.Label, decisions, reward, metric,
            Share(rows.Sum(r => r.Explored), decisions), Share(rows.Sum(r => r.BaselineServed), decisions), Share(rows.Sum(r => r.OverrideServed), decisions),
            actions, MeanPerDecision(importance.Where(i => !i.IsNamespace), decisions), MeanPerDecision(importance.Where(i => i.IsNamespace), decisions));
    }

    private static GroupSummary Compare(GroupSummary group, GroupSummary? reference, DisparityThresholds thresholds)
    {
        if (reference is null) return group with { Verdict = DisparityVerdict.TooFewDecisions };
        var ratio = DisparityRatio.Of(group.Metric, reference.Metric);
        return group with { Ratio = ratio, Verdict = DisparityJudge.Judge(group.Metric, reference.Metric, ratio, thresholds) };
    }

    private static Dictionary<string, double> MeanPerDecision(IEnumerable<ImportanceTotal> totals, long decisions) =>
        totals.ToDictionary(t => t.Feature, t => decisions == 0 ? 0 : t.SumAbs / decisions, StringComparer.Ordinal);

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static List<string> Top(IReadOnlyDictionary<string, double> importance, int count) =>
        importance.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).Take(count).Select(i => i.Key).ToList();

    private static List<DateTimeOffset> Steps(AnalysisWindow window)
    {
        var steps = new List<DateTimeOffset>();
        for (var at = window.From; at < window.To; at += window.TrendStep) steps.Add(at);
        return steps;
    }

    private static TrendSeries Trend(string label, string dimension, string value, BiasData data, AnalysisWindow window, IReadOnlyList<DateTimeOffset> steps)
    {
        var rewarded = new long[steps.Count];
        var sums = new double[steps.Count];
        foreach (var point in data.Trend.Where(p => p.Dimension == dimension && p.Value == value))
        {
            var index = (int)((point.BucketStart - window.From) / window.TrendStep);
            if (index < 0 || index >= steps.Count) continue;
            rewarded[index] += point.Rewarded;
            sums[index] += point.RewardSum;
        }
        return new TrendSeries(label, rewarded.Select((n, i) => n == 0 ? (double?)null : sums[i] / n).ToList());
    }
}
