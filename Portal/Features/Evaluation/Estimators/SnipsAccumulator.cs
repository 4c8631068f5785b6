using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// Self-normalized IPS in one pass: V̂ = Σ wᵢrᵢ / Σ wᵢ (Swaminathan &amp; Joachims 2015): slightly biased, far less
/// variable than IPS, and exactly the observed mean for the logging policy (all w = 1). Gaussian interval by the delta
/// method, Var ≈ Σ wᵢ² (rᵢ − V̂)² / (Σ wᵢ)²; small-sample interval by Cressie-Read empirical likelihood, which
/// needs the sums Σw, Σw², Σwr, Σw²r, Σw²r².
/// </summary>
public struct SnipsAccumulator
{
    public const string Name = "SNIPS";

    private WeightedRewardSums sums;

    public void Add(in LoggedOutcome outcome) => sums.Add(outcome.Weight, outcome.Reward);

    /// <summary>What the estimate is made from; sums of parts add up to the sums of the whole.</summary>
    public readonly WeightedRewardSums Sums => sums;

    public readonly OffPolicyEstimate Estimate(EstimatorBounds bounds) => Estimate(sums, bounds);

    /// <summary>The estimate over any part of the log whose sums are known (e.g. several time buckets added up).</summary>
    public static OffPolicyEstimate Estimate(in WeightedRewardSums sums, EstimatorBounds bounds)
    {
        if (sums.Count == 0 || sums.SumW <= 0)
            return OffPolicyEstimate.Empty(Name, CressieReadInterval.Method) with { Count = sums.Count };
        var value = sums.SumWR / sums.SumW;
        // Σ w²(r − V̂)² expanded into the kept sums.
        var spread = sums.SumW2R2 - 2 * value * sums.SumW2R + value * value * sums.SumW2;
        var gaussian = sums.Count < 2 ? Interval.Unknown : GaussianInterval.Around(value, Math.Sqrt(Math.Max(0, spread)) / sums.SumW);
        var effective = sums.SumW * sums.SumW / sums.SumW2;
        return new OffPolicyEstimate(Name, value, bounds.Clip(gaussian), CressieReadInterval.Of(sums, bounds), CressieReadInterval.Method,
            sums.Count, effective);
    }
}
