using MudBlazor;

namespace Portal.Features.Insights.Bias;

/// <summary>
/// What one MudChart shows: the labels along its axis, one series per group or action, in percent (MudChart's vertical
/// ticks are whole numbers apart), and a tick spacing that gives about five ticks.
/// </summary>
public sealed record ChartModel(string[] Labels, List<ChartSeries<double>> Series)
{
    public bool IsEmpty => Labels.Length == 0 || Series.Count == 0;

    public int YAxisTicks
    {
        get
        {
            var max = Series.SelectMany(s => s.Data.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 })
            {
                if (max / step <= 6) return step;
            }
            return (int)Math.Ceiling(max / 5);
        }
    }
}
