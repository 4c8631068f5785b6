using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// The 97.5 % quantile of Student's t with ν degrees of freedom: tabulated for ν &lt; 10, above that the Cornish-Fisher
/// expansion in 1/ν around the normal quantile (Abramowitz &amp; Stegun 26.7.5), accurate to 1e-4 from ν = 10 on.
/// </summary>
public static class StudentT
{
    private static readonly double[] Small = [double.NaN, 12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041, 2.2621572];

    public static double Quantile975(double degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) return double.PositiveInfinity;
        if (degreesOfFreedom < Small.Length) return Small[(int)degreesOfFreedom];
        var z = Interval.Z95;
        var (z3, z5, z7, z9) = (Math.Pow(z, 3), Math.Pow(z, 5), Math.Pow(z, 7), Math.Pow(z, 9));
        var v = degreesOfFreedom;
        return z
            + (z3 + z) / 4 / v
            + (5 * z5 + 16 * z3 + 3 * z) / 96 / (v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384 / (v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160 / (v * v * v * v);
    }
}
