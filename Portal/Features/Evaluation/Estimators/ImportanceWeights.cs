namespace Portal.Features.Evaluation.Estimators;

/// <summary>Running sums of the importance weights alone: their total, their squares and the largest seen.</summary>
public struct ImportanceWeights
{
    public double Sum { get; private set; }
    public double SumOfSquares { get; private set; }
    public double Max { get; private set; }

    public void Add(double w)
    {
        Sum += w;
        SumOfSquares += w * w;
        if (w > Max) Max = w;
    }

    /// <summary>Kish's effective sample size (Σw)² / Σw²: n when every weight is equal, near 1 when one weight dominates.</summary>
    public readonly double EffectiveSampleSize => SumOfSquares > 0 ? Sum * Sum / SumOfSquares : 0;

    /// <summary>The weight range the bounds use: the one known in advance, or a larger weight seen in the data.</summary>
    public readonly double Bound(EstimatorBounds bounds) => Math.Max(bounds.MaxWeight, Max);
}
