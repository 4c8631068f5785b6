namespace Portal.Features.Insights.Statistics;

/// <summary>
/// Binning of a numeric feature for the stability index. Values are stored coarsened to two significant digits
/// (<see cref="Coarsen"/>) so an hour's histogram stays small; the bins are then the deciles of the reference window
/// (the usual choice), computed from that histogram: bin k holds the values in (edgeₖ₋₁, edgeₖ], the last is open.
/// </summary>
public static class NumericBins
{
    public const int Quantiles = 10;

    /// <summary>The value rounded to two significant digits (41 → 41, 123.4 → 120, 0.734 → 0.73).</summary>
    public static double Coarsen(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        // Scale by an exact power of ten, round, scale back: 0.734 → 73 → 0.73 (the double nearest 0.73).
        var digits = 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (digits >= 0)
        {
            var scale = Math.Pow(10, digits);
            return Math.Round(value * scale, MidpointRounding.AwayFromZero) / scale;
        }
        var unit = Math.Pow(10, -digits);
        return Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;
    }

    /// <summary>Upper edges of the decile bins of a histogram (value → count); at most 9 distinct edges.</summary>
    public static IReadOnlyList<double> DecileEdges(IReadOnlyDictionary<double, double> histogram)
    {
        var total = histogram.Values.Sum();
        var edges = new List<double>();
        if (total <= 0) return edges;
        var cumulative = 0.0;
        var next = 1;
        foreach (var (value, count) in histogram.OrderBy(h => h.Key))
        {
            cumulative += count;
            var crossed = false;
            while (next < Quantiles && cumulative >= total * next / Quantiles)
            {
                next++;
                crossed = true;
            }
            if (crossed && (edges.Count == 0 || edges[^1] < value)) edges.Add(value);
        }
        // The largest value closes the last decile: it is no edge, everything above the previous edge is the last bin.
        if (edges.Count > 0 && edges[^1] >= histogram.Keys.Max()) edges.RemoveAt(edges.Count - 1);
        return edges;
    }

    /// <summary>The bin of a value: the first edge not below it, or the open last bin.</summary>
    public static int BinOf(double value, IReadOnlyList<double> edges)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (value <= edges[i]) return i;
        }
        return edges.Count;
    }

    /// <summary>Counts of a histogram per bin (edges.Count + 1 bins).</summary>
    public static double[] Counts(IReadOnlyDictionary<double, double> histogram, IReadOnlyList<double> edges)
    {
        var counts = new double[edges.Count + 1];
        foreach (var (value, count) in histogram) counts[BinOf(value, edges)] += count;
        return counts;
    }
}
