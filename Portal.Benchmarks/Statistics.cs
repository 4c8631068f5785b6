namespace Portal.Benchmarks;

/// <summary>Mean and population SD over seeds (the convention of the stored VW figures).</summary>
public readonly record struct Statistics(double Mean, double Sd, int N)
{
    public static Statistics Of(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return new Statistics(mean, sd, values.Count);
    }

    public override string ToString() => N == 0 ? "–" : $"{Mean:F4} ± {Sd:F4}";
}
