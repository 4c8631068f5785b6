namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// The sufficient statistics of the weighted log for SNIPS and the Cressie-Read interval: n, Σw, Σw², Σwr, Σw²r,
/// Σw²r², and the largest weight seen.
/// </summary>
public struct WeightedRewardSums
{
    public long Count { get; private set; }
    public double SumW { get; private set; }
    public double SumW2 { get; private set; }
    public double SumWR { get; private set; }
    public double SumW2R { get; private set; }
    public double SumW2R2 { get; private set; }
    public double MaxW { get; private set; }

    public void Add(double w, double r)
    {
        var w2 = w * w;
        Count++;
        SumW += w;
        SumW2 += w2;
        SumWR += w * r;
        SumW2R += w2 * r;
        SumW2R2 += w2 * r * r;
        if (w > MaxW) MaxW = w;
    }

    /// <summary>Adds another part of the log's sums (e.g. a neighbouring time bucket): the sums of the union.</summary>
    public void Add(in WeightedRewardSums other)
    {
        Count += other.Count;
        SumW += other.SumW;
        SumW2 += other.SumW2;
        SumWR += other.SumWR;
        SumW2R += other.SumW2R;
        SumW2R2 += other.SumW2R2;
        if (other.MaxW > MaxW) MaxW = other.MaxW;
    }

    /// <summary>Sums as they were kept (a stored run's time bucket).</summary>
    public static WeightedRewardSums Of(long count, double sumW, double sumW2, double sumWR, double sumW2R, double sumW2R2, double maxW) => new()
    {
        Count = count, SumW = sumW, SumW2 = sumW2, SumWR = sumWR, SumW2R = sumW2R, SumW2R2 = sumW2R2, MaxW = maxW,
    };
}
