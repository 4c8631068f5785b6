namespace Portal.Features.Insights.Statistics;

/// <summary>
/// The mean of n values known by their count, sum and sum of squares (what the aggregate tables keep), with its 95 %
/// interval: Wilson's score interval when every value is 0 or 1 (click / no click), otherwise the normal
/// approximation with the sample variance.
/// </summary>
public readonly record struct MeanEstimate(long Count, double Sum, double SumOfSquares)
{
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Population variance Σ(x−m)²/n; p(1−p) for 0/1 values.</summary>
    public double Variance => Count == 0 ? double.NaN : Math.Max(0, SumOfSquares / Count - Mean * Mean);

    /// <summary>
    /// True when the values are consistent with 0/1 outcomes: Σx = Σx² and the mean lies in [0, 1]. For rewards in
    /// [−1, 1] that holds for 0/1 data and, in theory, for rare mixes of negative and fractional values.
    /// </summary>
    public bool IsBinary => Count > 0 && Math.Abs(Sum - SumOfSquares) <= 1e-9 * Math.Max(1, Math.Abs(Sum)) && Mean is >= 0 and <= 1;

    public Interval Interval95 => Count == 0 ? Interval.Unknown : IsBinary ? Wilson(Sum, Count) : Normal();

    /// <summary>Wilson's score interval for <paramref name="successes"/> out of <paramref name="n"/>.</summary>
    public static Interval Wilson(double successes, long n)
    {
        if (n <= 0) return Interval.Unknown;
        const double z = Interval.Z95;
        var p = successes / n;
        var z2n = z * z / n;
        var center = (p + z2n / 2) / (1 + z2n);
        var half = z / (1 + z2n) * Math.Sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        return new Interval(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    private Interval Normal()
    {
        if (Count < 2) return Interval.Unknown;
        var sampleVariance = Variance * Count / (Count - 1);
        var half = Interval.Z95 * Math.Sqrt(sampleVariance / Count);
        return new Interval(Mean - half, Mean + half);
    }

    public MeanEstimate Add(MeanEstimate other) => new(Count + other.Count, Sum + other.Sum, SumOfSquares + other.SumOfSquares);
}
