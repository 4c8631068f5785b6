namespace Portal.Components.Shared;

/// <summary>The spacing of a MudChart's vertical ticks for values up to <c>max</c>: about five ticks, at a round step.</summary>
public static class ChartTicks
{
    public static int For(double max)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 })
        {
            if (max / step <= 6) return step;
        }
        return (int)Math.Ceiling(max / 5);
    }
}
