using Portal.Features.Evaluation.Estimators;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// The SNIPS estimate of one bucket of the window, and the sums it was made from (null in runs stored before they were
/// kept): longer intervals and cumulative series are added up from them (<see cref="EvaluationSeries"/>).
/// </summary>
public sealed record StoredTimelinePoint(DateTimeOffset Start, StoredEstimate Estimate, StoredSums? Sums = null);

/// <summary><see cref="WeightedRewardSums"/> flattened for JSON.</summary>
public sealed record StoredSums(long Count, double SumW, double SumW2, double SumWR, double SumW2R, double SumW2R2, double MaxW)
{
    public static StoredSums From(in WeightedRewardSums sums) =>
        new(sums.Count, sums.SumW, sums.SumW2, sums.SumWR, sums.SumW2R, sums.SumW2R2, sums.MaxW);

    public WeightedRewardSums ToSums() => WeightedRewardSums.Of(Count, SumW, SumW2, SumWR, SumW2R, SumW2R2, MaxW);
}

/// <summary><see cref="EstimatorBounds"/> flattened for JSON.</summary>
public sealed record StoredBounds(double MaxWeight, double RewardMin, double RewardMax)
{
    public static StoredBounds From(EstimatorBounds bounds) => new(bounds.MaxWeight, bounds.RewardMin, bounds.RewardMax);

    public EstimatorBounds ToBounds() => new(MaxWeight, RewardMin, RewardMax);
}
