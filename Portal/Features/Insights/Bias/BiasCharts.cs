using System.Globalization;
using MudBlazor;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// The chart data of a bias report, in percent, built once per report (components only bind it). The tables next to
/// the charts hold the same figures unscaled.
/// </summary>
public static class BiasCharts
{
    public const int MaxAxisLabels = 12;

    /// <summary>The compared metric per group (%), next to the reference's.</summary>
    public static ChartModel Metric(BiasReport report) => new(
        report.Groups.Select(g => g.Label).ToArray(),
        [
            Series($"{report.MetricName} (%)", report.Groups.Select(g => Percent(g.Metric.Mean))),
            Series($"{report.MetricName} of {report.ReferenceLabel} (%)", report.Groups.Select(_ => Percent(report.Reference?.Metric.Mean ?? double.NaN))),
        ]);

    /// <summary>Each group's decisions split by the action served (%, stacked to 100).</summary>
    public static ChartModel ActionShares(BiasReport report) => new(
        report.Groups.Select(g => g.Label).ToArray(),
        report.Actions.Select(a => Series(a, report.Groups.Select(g => Percent(g.ActionShare(a))))).ToList());

    /// <summary>
    /// For the most important features (or namespaces), each group's share of its own total importance (%), everyone
    /// first: which features drive the decisions of each group. The absolute means are in <see cref="BiasReport"/>.
    /// </summary>
    public static ChartModel Importance(BiasReport report, bool namespaces)
    {
        var names = namespaces ? report.Namespaces : report.TopFeatures;
        var groups = new[] { report.Everyone }.Concat(report.Groups);
        return new ChartModel(names.ToArray(), groups.Select(g =>
        {
            var importance = namespaces ? g.NamespaceImportance : g.FeatureImportance;
            var total = importance.Values.Sum();
            return Series(g.Label, names.Select(n => total > 0 ? Percent(importance.GetValueOrDefault(n) / total) : 0));
        }).ToList());
    }

    /// <summary>Reward rate (%) per hour or day, one line per group and one for everyone; gaps where a group had no rewarded decision.</summary>
    public static ChartModel Trend(BiasReport report)
    {
        var format = report.Question.Window.TrendStep < TimeSpan.FromDays(1) ? "HH:00" : "MM-dd";
        var every = (report.TrendSteps.Count + MaxAxisLabels - 1) / MaxAxisLabels;
        return new ChartModel(
            report.TrendSteps.Select((s, i) => i % Math.Max(1, every) == 0 ? s.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) : "").ToArray(),
            report.Trend.Select(t => new ChartSeries<double> { Name = t.Label, Data = t.Rates.Select(r => r * 100).ToArray() }).ToList());
    }

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) => new() { Name = name, Data = values.ToArray() };

    private static double Percent(double share) => double.IsFinite(share) ? Math.Round(share * 100, 2) : 0;
}
