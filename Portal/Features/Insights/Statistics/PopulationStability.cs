namespace Portal.Features.Insights.Statistics;

/// <summary>
/// Population stability index of a feature's distribution in a recent window against a reference window:
/// PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over bins, with aᵢ, eᵢ the shares of the recent and the reference window. A share of
/// zero is raised to <see cref="Epsilon"/> so an empty bin counts as a large but finite change.
/// </summary>
public static class PopulationStability
{
    public const double Epsilon = 1e-4;

    /// <param name="reference">Counts per bin in the reference window.</param>
    /// <param name="recent">Counts per bin in the recent window, same bins and order.</param>
    public static double Index(IReadOnlyList<double> reference, IReadOnlyList<double> recent)
    {
        if (reference.Count != recent.Count) throw new ArgumentException("Both windows need the same bins.", nameof(recent));
        double referenceTotal = 0, recentTotal = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            referenceTotal += reference[i];
            recentTotal += recent[i];
        }
        if (referenceTotal <= 0 || recentTotal <= 0) return double.NaN;

        var psi = 0.0;
        for (var i = 0; i < reference.Count; i++)
        {
            var e = Math.Max(reference[i] / referenceTotal, Epsilon);
            var a = Math.Max(recent[i] / recentTotal, Epsilon);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    public static DriftLevel Level(double psi, double moderate, double significant) =>
        double.IsNaN(psi) ? DriftLevel.NotEnoughData
        : psi >= significant ? DriftLevel.Significant
        : psi >= moderate ? DriftLevel.Moderate
        : DriftLevel.Stable;
}
