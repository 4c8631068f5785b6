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
}
