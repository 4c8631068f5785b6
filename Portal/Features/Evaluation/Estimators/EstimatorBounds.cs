using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// What is known before the data are seen, and what the small-sample intervals rely on: the largest importance weight
/// the logging policy allows (1 / its smallest probability, e.g. K/ε for ε-greedy over K actions) and the reward range.
/// Weights seen above <see cref="MaxWeight"/> widen it rather than break the bound.
/// </summary>
public readonly record struct EstimatorBounds(double MaxWeight, double RewardMin, double RewardMax)
{
    public double RewardRange => RewardMax - RewardMin;

    /// <summary>Clips an interval of a value that must lie in the reward range.</summary>
    public Interval Clip(Interval interval) =>
        new(Math.Clamp(interval.Low, RewardMin, RewardMax), Math.Clamp(interval.High, RewardMin, RewardMax));
}
