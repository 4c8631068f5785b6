namespace Portal.Features.Integrity.Detection;

/// <summary>The last windows' values of every cell: the rolling baseline a new window is judged against.</summary>
public sealed class RollingBaseline(int capacity)
{
    private readonly Dictionary<string, Queue<WindowPoint>> cells = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WindowPoint> Of(string cellKey) =>
        cells.TryGetValue(cellKey, out var points) ? points : [];

    public void Add(string cellKey, WindowPoint point)
    {
        if (!cells.TryGetValue(cellKey, out var points)) cells[cellKey] = points = new Queue<WindowPoint>(capacity);
        if (points.Count == capacity) points.Dequeue();
        points.Enqueue(point);
    }

    public static (double Mean, double StandardDeviation) Summary(IReadOnlyCollection<WindowPoint> points)
    {
        double sum = 0, squares = 0;
        foreach (var point in points)
        {
            sum += point.Value;
            squares += point.Value * point.Value;
        }
        var mean = sum / points.Count;
        var variance = points.Count > 1 ? Math.Max((squares - points.Count * mean * mean) / (points.Count - 1), 0) : 0;
        return (mean, Math.Sqrt(variance));
    }
}
