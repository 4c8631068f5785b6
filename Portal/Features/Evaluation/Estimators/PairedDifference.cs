using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// The estimated difference V(π₁) − V(π₀) of two policies on the same log, with an interval of its own: the two
/// estimates share every decision, so subtracting their intervals would be far too wide (and wrong). Per decision:
/// IPS term (w₁ − w₀) r; DR term Σₐ(π₁ − π₀)(a) ĝ(a) + (w₁ − w₀)(r − ĝ(chosen)); Gaussian intervals from the terms'
/// sample variance, empirical Bernstein from the terms' range known from the weight bounds. SNIPS difference
/// Σw₁r/Σw₁ − Σw₀r/Σw₀ with the delta method: Var ≈ Σᵢ ψᵢ², ψᵢ = w₁ᵢ(rᵢ − V̂₁)/Σw₁ − w₀ᵢ(rᵢ − V̂₀)/Σw₀ (expanded into
/// kept sums, one pass). The effective sample size reported is the smaller of the two policies'.
/// </summary>
public struct PairedDifference
{
    public const string SnipsSmallSampleMethod = "none";

    private long count;
    private double ipsSum, ipsSquares, drSum, drSquares;
    private WeightedRewardSums candidate, reference;
    private double crossW, crossWR, crossWR2;

    /// <param name="candidateTarget">π₁(chosen | x).</param>
    /// <param name="referenceTarget">π₀(chosen | x).</param>
    /// <param name="candidateDirect">Σₐ π₁(a|x) ĝ(x,a) (0 without a reward model).</param>
    /// <param name="referenceDirect">Σₐ π₀(a|x) ĝ(x,a).</param>
    /// <param name="predictedChosen">ĝ(x, chosen).</param>
    public void Add(double loggedProbability, double reward, double candidateTarget, double referenceTarget,
        double candidateDirect = 0, double referenceDirect = 0, double predictedChosen = 0)
    {
        var (w1, w0) = (candidateTarget / loggedProbability, referenceTarget / loggedProbability);
        var ips = (w1 - w0) * reward;
        var dr = candidateDirect - referenceDirect + (w1 - w0) * (reward - predictedChosen);
        count++;
        (ipsSum, ipsSquares) = (ipsSum + ips, ipsSquares + ips * ips);
        (drSum, drSquares) = (drSum + dr, drSquares + dr * dr);
        candidate.Add(w1, reward);
        reference.Add(w0, reward);
        crossW += w1 * w0;
        crossWR += w1 * w0 * reward;
        crossWR2 += w1 * w0 * reward * reward;
    }

    /// <param name="candidateMaxWeight">The largest possible weight of π₁ (see <see cref="EstimatorBounds.MaxWeight"/>).</param>
    public readonly PolicyEstimates Estimate(string name, double candidateMaxWeight, double referenceMaxWeight, double rewardMin, double rewardMax,
        bool withDr)
    {
        var (r, wMax) = (Math.Max(Math.Abs(rewardMin), Math.Abs(rewardMax)), Math.Max(candidate.MaxW, candidateMaxWeight) + Math.Max(reference.MaxW, referenceMaxWeight));
        var ess = Math.Min(Effective(candidate), Effective(reference));
        var range = rewardMax - rewardMin;
        var ips = Mean(IpsAccumulator.Name, ipsSum, ipsSquares, wMax * r, ess, range);
        var dr = withDr ? Mean(DrAccumulator.Name, drSum, drSquares, 2 * range * (1 + wMax), ess, range) : null;
        return new PolicyEstimates(name, ips, Snips(ess, range), dr);
    }

    private readonly OffPolicyEstimate Mean(string estimator, double sum, double squares, double termRange, double ess, double range)
    {
        if (count == 0) return OffPolicyEstimate.Empty(estimator, IpsAccumulator.EmpiricalBernsteinMethod);
        var terms = new MeanEstimate(count, sum, squares);
        return new OffPolicyEstimate(estimator, terms.Mean, Clip(GaussianInterval.OfMean(terms), range),
            Clip(EmpiricalBernstein.Of(terms, termRange), range), IpsAccumulator.EmpiricalBernsteinMethod, count, ess);
    }

    private readonly OffPolicyEstimate Snips(double ess, double range)
    {
        if (count == 0 || candidate.SumW <= 0 || reference.SumW <= 0)
            return OffPolicyEstimate.Empty(SnipsAccumulator.Name, SnipsSmallSampleMethod) with { Count = count };
        var (v1, v0) = (candidate.SumWR / candidate.SumW, reference.SumWR / reference.SumW);
        var (c1, c0) = (1 / candidate.SumW, 1 / reference.SumW);
        // Σψ² = c₁² Σw₁²(r−V₁)² − 2c₁c₀ Σw₁w₀(r−V₁)(r−V₀) + c₀² Σw₀²(r−V₀)², each sum expanded into kept sums.
        var own1 = candidate.SumW2R2 - 2 * v1 * candidate.SumW2R + v1 * v1 * candidate.SumW2;
        var own0 = reference.SumW2R2 - 2 * v0 * reference.SumW2R + v0 * v0 * reference.SumW2;
        var cross = crossWR2 - (v1 + v0) * crossWR + v1 * v0 * crossW;
        var variance = Math.Max(0, c1 * c1 * own1 - 2 * c1 * c0 * cross + c0 * c0 * own0);
        var gaussian = count < 2 ? Interval.Unknown : GaussianInterval.Around(v1 - v0, Math.Sqrt(variance));
        return new OffPolicyEstimate(SnipsAccumulator.Name, v1 - v0, Clip(gaussian, range), Interval.Unknown, SnipsSmallSampleMethod, count, ess);
    }

    private static double Effective(WeightedRewardSums sums) => sums.SumW2 > 0 ? sums.SumW * sums.SumW / sums.SumW2 : 0;

    /// <summary>A difference of two values in the reward range lies within ± the range.</summary>
    private static Interval Clip(Interval interval, double range) =>
        interval.IsKnown ? new(Math.Max(interval.Low, -range), Math.Min(interval.High, range)) : interval;
}
