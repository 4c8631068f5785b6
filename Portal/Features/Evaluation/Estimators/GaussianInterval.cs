using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>The normal-approximation 95 % interval: estimate ± z₀.₉₇₅ · standard error.</summary>
public static class GaussianInterval
{
    public static Interval Around(double estimate, double standardError) =>
        double.IsFinite(standardError) ? new(estimate - Interval.Z95 * standardError, estimate + Interval.Z95 * standardError) : Interval.Unknown;

    /// <summary>The interval of a mean of n terms with sums Σx and Σx², with the sample variance (n − 1).</summary>
    public static Interval OfMean(MeanEstimate terms)
    {
        if (terms.Count < 2) return Interval.Unknown;
        var sampleVariance = terms.Variance * terms.Count / (terms.Count - 1);
        return Around(terms.Mean, Math.Sqrt(sampleVariance / terms.Count));
    }
}
