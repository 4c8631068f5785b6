namespace Portal.Features.Insights.Statistics;

/// <summary>
/// A group's mean divided by a reference mean (another group, or everyone), with a 95 % interval by the delta method on
/// the log ratio: se² = v₁/(n₁m₁²) + v₂/(n₂m₂²) with population variances. For 0/1 outcomes this is Katz's interval
/// for a risk ratio, se² = (1−p₁)/(n₁p₁) + (1−p₂)/(n₂p₂); a zero count gets Haldane's correction (½ added to both cells of each group) so the interval
/// stays finite. The groups are treated as independent: against "everyone", who include the group, the interval is
/// a little wider than the exact one, i.e. flags are conservative.
/// </summary>
public sealed record DisparityRatio(double Ratio, Interval Interval95)
{
    /// <summary>The ratio, or null when it means nothing: an empty group, or a mean that is not positive while rewards can be negative.</summary>
    public static DisparityRatio? Of(MeanEstimate group, MeanEstimate reference)
    {
        if (group.Count == 0 || reference.Count == 0) return null;
        if (group.IsBinary && reference.IsBinary) return Binary(group, reference);
        if (group.Mean <= 0 || reference.Mean <= 0) return null;
        return FromLogVariance(group.Mean / reference.Mean, group.Mean, reference.Mean,
            group.Variance / (group.Count * group.Mean * group.Mean) + reference.Variance / (reference.Count * reference.Mean * reference.Mean));
    }

    private static DisparityRatio? Binary(MeanEstimate group, MeanEstimate reference)
    {
        if (reference.Sum <= 0) return null;
        var ratio = group.Mean / reference.Mean;
        double x1 = group.Sum, n1 = group.Count, x2 = reference.Sum, n2 = reference.Count;
        if (x1 <= 0 || x2 <= 0)
        {
            (x1, n1, x2, n2) = (x1 + 0.5, n1 + 1, x2 + 0.5, n2 + 1);
        }
        double p1 = x1 / n1, p2 = x2 / n2;
        return FromLogVariance(ratio, p1, p2, (1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2));
    }

    private static DisparityRatio FromLogVariance(double ratio, double m1, double m2, double logVariance)
    {
        var center = Math.Log(m1 / m2);
        var half = Interval.Z95 * Math.Sqrt(logVariance);
        return new DisparityRatio(ratio, new Interval(Math.Exp(center - half), Math.Exp(center + half)));
    }
}
