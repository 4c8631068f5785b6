using MudBlazor;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// What one MudChart shows: the labels along its axis, one series per group or action, in percent (MudChart's vertical
/// ticks are whole numbers apart), and a tick spacing that gives about five ticks.
/// </summary>
public sealed record ChartModel(string[] Labels, List<ChartSeries<double>> Series)
{
    public bool IsEmpty => Labels.Length == 0 || Series.Count == 0;

    public int YAxisTicks => Components.Shared.ChartTicks.For(Series.SelectMany(s => s.Data.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max());
}
