using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// Inverse propensity scoring in one pass: V̂ = (1/n) Σ wᵢ rᵢ, unbiased when p &gt; 0 wherever π &gt; 0. Keeps only sums.
/// Gaussian interval from the sample variance of the terms wᵢrᵢ; small-sample interval by empirical Bernstein with
/// the terms' range known from the weight bound: wr ∈ [min(0, w_max r_min), max(0, w_max r_max)].
/// </summary>
public struct IpsAccumulator
{
    public const string Name = "IPS";

    private long count;
    private double sumOfTerms;
    private double sumOfSquaredTerms;
    private ImportanceWeights weights;

    public void Add(in LoggedOutcome outcome)
    {
        var w = outcome.Weight;
        var term = w * outcome.Reward;
        count++;
        sumOfTerms += term;
        sumOfSquaredTerms += term * term;
        weights.Add(w);
    }

    public readonly OffPolicyEstimate Estimate(EstimatorBounds bounds)
    {
        if (count == 0) return OffPolicyEstimate.Empty(Name, EmpiricalBernsteinMethod);
        var terms = new MeanEstimate(count, sumOfTerms, sumOfSquaredTerms);
        var maxWeight = weights.Bound(bounds);
        var range = Math.Max(0, maxWeight * bounds.RewardMax) - Math.Min(0, maxWeight * bounds.RewardMin);
        return new OffPolicyEstimate(Name, terms.Mean, bounds.Clip(GaussianInterval.OfMean(terms)),
            bounds.Clip(EmpiricalBernstein.Of(terms, range)), EmpiricalBernsteinMethod, count, weights.EffectiveSampleSize);
    }

    public const string EmpiricalBernsteinMethod = "empirical Bernstein";
}
