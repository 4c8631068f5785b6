using System.Globalization;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Insights.Bias;

/// <summary>A group's comparison in words, for the flags, the table and the compliance report.</summary>
public static class DisparityWording
{
    public static string Reason(GroupSummary group, BiasReport report)
    {
        var reference = report.Reference;
        var thresholds = report.Thresholds;
        var metric = report.MetricName.ToLowerInvariant();
        var ratio = group.Ratio;
        return group.Verdict switch
        {
            DisparityVerdict.TooFewDecisions => Text($"Too few decisions to judge: {group.Metric.Count:N0} here, {reference?.Metric.Count ?? 0:N0} for {report.ReferenceLabel}; at least {thresholds.MinimumSample:N0} are needed on each side."),
            DisparityVerdict.Undefined => Text($"No ratio: the {metric} of {report.ReferenceLabel} is zero, or rewards are not all positive."),
            DisparityVerdict.Flagged => Text($"The {metric} {group.Metric.Mean:0.000} is {ratio!.Ratio:0.00}× that of {report.ReferenceLabel} ({reference!.Metric.Mean:0.000}); 95% interval {ratio.Interval95.Low:0.00}–{ratio.Interval95.High:0.00}, entirely under 1 and the ratio under {thresholds.Ratio:0.00}, with {group.Metric.Count:N0} and {reference.Metric.Count:N0} decisions."),
            DisparityVerdict.Inconclusive => Text($"The {metric} is {ratio!.Ratio:0.00}× that of {report.ReferenceLabel}, under {thresholds.Ratio:0.00}, but the 95% interval {ratio.Interval95.Low:0.00}–{ratio.Interval95.High:0.00} includes 1: this may be chance. Not flagged."),
            _ => Text($"{ratio?.Ratio ?? 1:0.00}× the {metric} of {report.ReferenceLabel}: within the threshold of {thresholds.Ratio:0.00}."),
        };
    }

    public static string Verdict(DisparityVerdict verdict) => verdict switch
    {
        DisparityVerdict.Flagged => "Flagged",
        DisparityVerdict.Inconclusive => "Inconclusive",
        DisparityVerdict.TooFewDecisions => "Too few decisions",
        DisparityVerdict.Undefined => "No ratio",
        _ => "Within threshold",
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
