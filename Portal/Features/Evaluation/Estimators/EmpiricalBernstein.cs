using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// The empirical Bernstein bound of Maurer &amp; Pontil (2009, Theorem 4): for n i.i.d. terms in an interval of width
/// R, with probability ≥ 1 − δ, |E X − mean| ≤ √(2 Vₙ ln(2/δ′) / n) + 7 R ln(2/δ′) / (3 (n − 1)), Vₙ the sample
/// variance. Unlike the Gaussian interval it holds at every n, so it stays honest when a few large importance weights
/// dominate; it needs the range R known in advance (from the largest possible weight).
/// </summary>
public static class EmpiricalBernstein
{
    /// <summary>δ′ = δ / 2 per side, so the two-sided interval holds with probability ≥ 95 %.</summary>
    private static readonly double LogTerm = Math.Log(2 / (0.05 / 2));

    public static Interval Of(MeanEstimate terms, double range)
    {
        if (terms.Count < 2 || !double.IsFinite(range)) return Interval.Unknown;
        var n = terms.Count;
        var sampleVariance = terms.Variance * n / (n - 1);
        var half = Math.Sqrt(2 * sampleVariance * LogTerm / n) + 7 * range * LogTerm / (3.0 * (n - 1));
        return new Interval(terms.Mean - half, terms.Mean + half);
    }
}
