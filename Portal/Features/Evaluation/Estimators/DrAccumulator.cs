using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// Doubly robust estimation in one pass (Dudík, Langford &amp; Li 2011): per decision
/// dᵢ = Σₐ π(a|xᵢ) ĝ(xᵢ,a) + wᵢ (rᵢ − ĝ(xᵢ,aᵢ)), and V̂ = mean of dᵢ. Unbiased when either the weights or the reward model
/// ĝ are right, and less variable than IPS when ĝ is good. Gaussian interval from the terms' sample variance;
/// empirical Bernstein with the terms' range (r_max − r_min)(1 + 2 w_max) (the direct term spans the reward range, the
/// correction ± w_max times it).
/// </summary>
public struct DrAccumulator
{
    public const string Name = "DR";

    private long count;
    private double sumOfTerms;
    private double sumOfSquaredTerms;
    private ImportanceWeights weights;

    /// <param name="outcome">p, π and r of the chosen action.</param>
    /// <param name="chosen">The chosen action's index into the two spans.</param>
    /// <param name="targetDistribution">π(a|x) for every action.</param>
    /// <param name="predictedRewards">ĝ(x,a) for every action.</param>
    public void Add(in LoggedOutcome outcome, int chosen, ReadOnlySpan<double> targetDistribution, ReadOnlySpan<double> predictedRewards)
    {
        var direct = 0.0;
        for (var a = 0; a < targetDistribution.Length; a++) direct += targetDistribution[a] * predictedRewards[a];
        var w = outcome.Weight;
        var term = direct + w * (outcome.Reward - predictedRewards[chosen]);
        count++;
        sumOfTerms += term;
        sumOfSquaredTerms += term * term;
        weights.Add(w);
    }

    public readonly OffPolicyEstimate Estimate(EstimatorBounds bounds)
    {
        if (count == 0) return OffPolicyEstimate.Empty(Name, IpsAccumulator.EmpiricalBernsteinMethod);
        var terms = new MeanEstimate(count, sumOfTerms, sumOfSquaredTerms);
        var range = bounds.RewardRange * (1 + 2 * weights.Bound(bounds));
        return new OffPolicyEstimate(Name, terms.Mean, bounds.Clip(GaussianInterval.OfMean(terms)),
            bounds.Clip(EmpiricalBernstein.Of(terms, range)), IpsAccumulator.EmpiricalBernsteinMethod, count, weights.EffectiveSampleSize);
    }
}
