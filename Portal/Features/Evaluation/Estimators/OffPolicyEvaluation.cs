using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// One pass over a log for several candidate policies at once: each decision is scored by every policy and added to
/// that policy's IPS, SNIPS and (with a reward model) DR accumulators. Memory is constant in the number of decisions.
/// The weight bound of the small-sample intervals is the largest max_a π(a|x)/p(a|x) over the log: it depends on the
/// two policies only, never on which action was drawn or what it earned.
/// </summary>
public sealed class OffPolicyEvaluation
{
    private readonly IReadOnlyList<ICandidatePolicy> policies;
    private readonly IRewardModel? rewardModel;
    private readonly (double Min, double Max) rewards;
    private readonly IpsAccumulator[] ips;
    private readonly SnipsAccumulator[] snips;
    private readonly DrAccumulator[] dr;
    private readonly double[] possibleMaxWeight;
    private double[] target = new double[16];
    private double[] predicted = new double[16];

    public OffPolicyEvaluation(IReadOnlyList<ICandidatePolicy> policies, double rewardMin, double rewardMax, IRewardModel? rewardModel = null)
    {
        this.policies = policies;
        this.rewardModel = rewardModel;
        rewards = (rewardMin, rewardMax);
        ips = new IpsAccumulator[policies.Count];
        snips = new SnipsAccumulator[policies.Count];
        dr = new DrAccumulator[policies.Count];
        possibleMaxWeight = new double[policies.Count];
    }

    public long Count { get; private set; }

    public void Add(EvaluatedDecision decision)
    {
        var k = decision.ActionCount;
        if (target.Length < k) (target, predicted) = (new double[k * 2], new double[k * 2]);
        var pi = target.AsSpan(0, k);
        var g = predicted.AsSpan(0, k);
        if (rewardModel is not null) rewardModel.Predict(decision, g);

        for (var i = 0; i < policies.Count; i++)
        {
            policies[i].Distribution(decision, pi);
            var outcome = new LoggedOutcome(decision.ChosenProbability, pi[decision.ChosenIndex], decision.Reward);
            ips[i].Add(outcome);
            snips[i].Add(outcome);
            if (rewardModel is not null) dr[i].Add(outcome, decision.ChosenIndex, pi, g);
            possibleMaxWeight[i] = Math.Max(possibleMaxWeight[i], MaxWeight(decision, pi));
            policies[i].Observe(decision);
        }
        Count++;
    }

    public IReadOnlyList<PolicyEstimates> Results()
    {
        var results = new PolicyEstimates[policies.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var bounds = new EstimatorBounds(possibleMaxWeight[i], rewards.Min, rewards.Max);
            results[i] = new PolicyEstimates(policies[i].Name, ips[i].Estimate(bounds), snips[i].Estimate(bounds),
                rewardModel is null ? null : dr[i].Estimate(bounds));
        }
        return results;
    }

    private static double MaxWeight(EvaluatedDecision decision, ReadOnlySpan<double> pi)
    {
        var max = 0.0;
        for (var a = 0; a < pi.Length; a++)
        {
            if (pi[a] <= 0) continue;
            var p = a == decision.ChosenIndex ? decision.ChosenProbability : decision.LoggingDistribution[a];
            max = Math.Max(max, p > 0 ? pi[a] / p : double.PositiveInfinity);
        }
        return max;
    }
}
