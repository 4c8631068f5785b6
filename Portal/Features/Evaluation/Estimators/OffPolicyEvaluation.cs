using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;

namespace Portal.Features.Evaluation.Estimators;

/// <summary>
/// One pass over a log for several candidate policies at once: each decision is scored by every policy and added to
/// that policy's IPS, SNIPS and (with a reward model) DR accumulators. Memory is constant in the number of decisions.
/// The weight bound of the small-sample intervals is the largest max_a π(a|x)/p(a|x) over the log: it depends on the
/// two policies only, never on which action was drawn or what it earned. The reward range of the intervals is the one
/// given, widened to every reward seen. After each <see cref="Add"/>, what each policy gave the decision
/// (<see cref="LastTarget"/>, <see cref="LastDirect"/>) can be read for per-bucket and paired-difference estimates.
/// </summary>
public sealed class OffPolicyEvaluation
{
    private readonly IReadOnlyList<ICandidatePolicy> policies;
    private readonly IRewardModel? rewardModel;
    private (double Min, double Max) rewards;
    private readonly IpsAccumulator[] ips;
    private readonly SnipsAccumulator[] snips;
    private readonly DrAccumulator[] dr;
    private readonly double[] possibleMaxWeight;
    private readonly double[] lastTarget;
    private readonly double[] lastDirect;
    private readonly long[] baselineAgreements;
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
        lastTarget = new double[policies.Count];
        lastDirect = new double[policies.Count];
        baselineAgreements = new long[policies.Count];
    }

    public long Count { get; private set; }

    /// <summary>π(chosen | x) of policy <paramref name="policy"/> for the last decision added.</summary>
    public double LastTarget(int policy) => lastTarget[policy];

    /// <summary>Σₐ π(a|x) ĝ(x,a) of policy <paramref name="policy"/> for the last decision (0 without a reward model).</summary>
    public double LastDirect(int policy) => lastDirect[policy];

    /// <summary>The share of decisions whose most probable action under policy <paramref name="policy"/> is the baseline (ties count).</summary>
    public double BaselineAgreement(int policy) => Count == 0 ? double.NaN : (double)baselineAgreements[policy] / Count;

    /// <summary>ĝ(x, chosen) of the last decision (0 without a reward model).</summary>
    public double LastPredictedChosen { get; private set; }

    /// <summary>The largest possible weight max_a π/p of policy <paramref name="policy"/> over the decisions so far.</summary>
    public double PossibleMaxWeight(int policy) => possibleMaxWeight[policy];

    /// <summary>The reward range the intervals use: the one given, widened to the rewards seen.</summary>
    public (double Min, double Max) RewardRange => rewards;

    public void Add(EvaluatedDecision decision)
    {
        var k = decision.ActionCount;
        if (target.Length < k) (target, predicted) = (new double[k * 2], new double[k * 2]);
        var pi = target.AsSpan(0, k);
        var g = predicted.AsSpan(0, k);
        if (rewardModel is not null) rewardModel.Predict(decision, g);
        else g.Clear();
        LastPredictedChosen = g[decision.ChosenIndex];
        rewards = (Math.Min(rewards.Min, decision.Reward), Math.Max(rewards.Max, decision.Reward));

        for (var i = 0; i < policies.Count; i++)
        {
            policies[i].Distribution(decision, pi);
            var outcome = new LoggedOutcome(decision.ChosenProbability, pi[decision.ChosenIndex], decision.Reward);
            ips[i].Add(outcome);
            snips[i].Add(outcome);
            if (rewardModel is not null) dr[i].Add(outcome, decision.ChosenIndex, pi, g);
            possibleMaxWeight[i] = Math.Max(possibleMaxWeight[i], MaxWeight(decision, pi));
            lastTarget[i] = outcome.TargetProbability;
            lastDirect[i] = rewardModel is null ? 0 : Direct(pi, g);
            if (pi[decision.BaselineIndex] >= Max(pi)) baselineAgreements[i]++;
            policies[i].Observe(decision);
        }
        rewardModel?.Observe(decision);
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

    private static double Max(ReadOnlySpan<double> pi)
    {
        var max = 0.0;
        foreach (var p in pi) max = Math.Max(max, p);
        return max;
    }

    private static double Direct(ReadOnlySpan<double> pi, ReadOnlySpan<double> g)
    {
        var sum = 0.0;
        for (var a = 0; a < pi.Length; a++) sum += pi[a] * g[a];
        return sum;
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
