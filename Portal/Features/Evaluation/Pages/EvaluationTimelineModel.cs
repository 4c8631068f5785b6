using MudBlazor;
using Portal.Features.Evaluation.Runs;

namespace Portal.Features.Evaluation.Pages;

/// <summary>The time series of a run as the timeline chart draws it: one line per policy (the grid's best only), NaN for gaps.</summary>
public sealed record EvaluationTimelineModel(StoredReport Report, int? IntervalMinutes)
{
    /// <summary>The chart's values are rewards × 100 (MudChart's ticks are whole steps).</summary>
    public const double Scale = 100;

    public (string[] Labels, List<ChartSeries<double>> Series, int YAxisTicks) Chart()
    {
        var policies = Report.Policies.Where(p => p.Candidate.Source != PolicySources.OfflineExperimentation || p.Candidate.Name == Report.BestDiscovered).ToList();
        var starts = policies.SelectMany(p => p.Timeline.Select(t => t.Start)).Distinct().Order().ToList();
        if (IntervalMinutes is null || starts.Count == 0) return ([], [], 1);
        var labels = starts.Select(s => s.UtcDateTime.ToString(IntervalMinutes >= 1440 ? "MM-dd" : "MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var series = policies.Select(p =>
        {
            var byStart = p.Timeline.ToDictionary(t => t.Start, t => t.Estimate.Value);
            return new ChartSeries<double> { Name = p.Candidate.Name, Data = starts.Select(s => byStart.GetValueOrDefault(s, double.NaN) * Scale).ToArray() };
        }).ToList();
        var max = series.SelectMany(s => s.Data).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return (labels, series, Portal.Components.Shared.ChartTicks.For(Math.Max(1, max)));
    }
}
