namespace Portal.Features.Integrity.Detection;

/// <summary>The standard normal distribution's upper tail and its inverse, to turn one threshold into a stricter one per cell.</summary>
public static class Normal
{
    /// <summary>P(Z &gt; z), by the complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The z with P(Z &gt; z) = <paramref name="p"/>, by bisection on <see cref="UpperTail"/> (monotone; 100 steps is exact to double precision).</summary>
    public static double UpperQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double low = -40, high = 40;
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            if (UpperTail(middle) > p) low = middle;
            else high = middle;
        }
        return (low + high) / 2;
    }

    /// <summary>The per-cell threshold that keeps <paramref name="cells"/> one-sided tests together at the tail of <paramref name="threshold"/>.</summary>
    public static double BonferroniThreshold(double threshold, int cells) =>
        cells <= 1 ? threshold : UpperQuantile(UpperTail(threshold) / cells);

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
