namespace Portal.Features.Insights.Statistics;

/// <summary>A two-sided 95 % confidence interval.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The normal quantile of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static Interval Unknown { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    public bool Contains(double value) => value >= Low && value <= High;

    public bool IsKnown => double.IsFinite(Low) && double.IsFinite(High);
}
