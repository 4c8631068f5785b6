using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// The 95 % empirical-likelihood interval of Karampatziakis, Mineiro &amp; Ramdas (2021) with the Cressie-Read power
/// divergence CR(−2), whose profile has a closed form, as in Vowpal Wabbit's estimators library (cressieread.py). It
/// reweights the log under the constraint E[w] = 1, adds one fictitious decision at the smallest or largest possible
/// weight, and keeps the values whose divergence stays below the F(1, n) quantile: valid with heavy weights, and
/// never outside the reward range.
/// </summary>
public static class CressieReadInterval
{
    public const string Method = "Cressie-Read";

    private const double Tolerance = 1e-9;

    public static Interval Of(WeightedRewardSums sums, EstimatorBounds bounds)
    {
        if (sums.Count == 0) return Interval.Unknown;
        // The smallest possible weight is 0 (π may give the action nothing); the largest must exceed 1 for the profile.
        var (wMin, wMax) = (0.0, Math.Max(Math.Max(bounds.MaxWeight, sums.MaxW), 1 + 1e-9));
        if (!double.IsFinite(wMax)) return Interval.Unknown;
        var n = (double)sums.Count;
        var phi = Phi(sums, n, wMin, wMax);
        var low = Bound(sums, n, phi, bounds.RewardMin, +1, wMin, wMax) ?? bounds.RewardMin;
        var high = Bound(sums, n, phi, bounds.RewardMax, -1, wMin, wMax) ?? bounds.RewardMax;
        return new Interval(Math.Clamp(low, bounds.RewardMin, bounds.RewardMax), Math.Clamp(high, bounds.RewardMin, bounds.RewardMax));
    }

    /// <summary>The dual variable's offset: the unconstrained divergence plus the F(1, n) quantile (= t²).</summary>
    private static double Phi(WeightedRewardSums s, double n, double wMin, double wMax)
    {
        var wFake = s.SumW < n ? wMax : wMin;
        var a = (wFake + s.SumW) / (1 + n);
        var b = (wFake * wFake + s.SumW2) / (1 + n);
        var unconstrained = (1 + n) * (a - 1) * (a - 1) / (b - a * a);
        var t = StudentT.Quantile975(n);
        return (-unconstrained - t * t) / (2 * (1 + n));
    }

    /// <summary>The lower (sign +1, r = r_min) or upper (sign −1, r = r_max) end, or null when no candidate exists.</summary>
    private static double? Bound(WeightedRewardSums s, double n, double phi, double r, int sign, double wMin, double wMax)
    {
        double? best = null;
        foreach (var wFake in (ReadOnlySpan<double>)[wMin, wMax])
        {
            var barW = (wFake + s.SumW) / (1 + n);
            var barW2 = (wFake * wFake + s.SumW2) / (1 + n);
            var barWR = sign * (wFake * r + s.SumWR) / (1 + n);
            var barW2R = sign * (wFake * wFake * r + s.SumW2R) / (1 + n);
            var barW2R2 = (wFake * wFake * r * r + s.SumW2R2) / (1 + n);
            var spread = barW2 - barW * barW;
            if (spread <= 0) continue;

            var x = barWR + (1 - barW) * (barW2R - barW * barWR) / spread;
            var y = (barW2R - barW * barWR) * (barW2R - barW * barWR) / spread - (barW2R2 - barWR * barWR);
            var z = phi + 0.5 * (1 - barW) * (1 - barW) / spread;
            double? candidate = Math.Abs(y * z) <= Tolerance * Tolerance ? x - Math.Sqrt(2) * Tolerance
                : z <= 0 && y * z >= 0 ? x - Math.Sqrt(2 * y * z)
                : null;
            if (candidate is { } c && (best is null || c < best)) best = c;
        }
        return best is { } found ? sign * found : null;
    }
}
