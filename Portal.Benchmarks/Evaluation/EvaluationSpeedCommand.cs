using System.Diagnostics;
using System.Globalization;
using Portal.Benchmarks.Service;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;

namespace Portal.Benchmarks.Evaluation;

/// <summary>
/// The estimator pass alone (IPS, SNIPS and DR for every policy, one pass) over generated decisions held in memory:
/// the inputs are made first and not timed. Options: --decisions, --policies (logging, baseline, uniform, then greedy
/// copies), --actions.
/// </summary>
public static class EvaluationSpeedCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var (decisions, policyCount, actions) = (options.Int("--decisions", 1_000_000), options.Int("--policies", 4), options.Int("--actions", 8));
        var log = Generate(decisions, actions, new Random(5));
        ICandidatePolicy[] all = [new LoggingPolicy(), new BaselinePolicy(), new UniformRandomPolicy()];
        var policies = Enumerable.Range(0, policyCount).Select(i => i < all.Length ? all[i] : new GreedyOnLoggingPolicy()).ToList();

        var clock = Stopwatch.StartNew();
        var evaluation = new OffPolicyEvaluation(policies, 0, 1, new PerActionRewardModel());
        foreach (var decision in log) evaluation.Add(decision);
        var results = evaluation.Results();
        clock.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evaluation-speed: {decisions:N0} decisions × {policyCount} policies × (IPS, SNIPS, DR), K = {actions}: {clock.Elapsed.TotalSeconds:F2} s (target ≤ 30 s with scoring)"));
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Policy,-16} IPS {r.Ips.Value:F4}  SNIPS {r.Snips.Value:F4}  DR {r.Dr!.Value:F4}  ESS {r.Ips.EffectiveSampleSize:N0}"));
        return 0;
    }

    private static EvaluatedDecision[] Generate(int n, int k, Random random)
    {
        var log = new EvaluatedDecision[n];
        for (var i = 0; i < n; i++)
        {
            var distribution = new double[k];
            distribution.AsSpan().Fill(0.2 / k);
            distribution[random.Next(k)] += 0.8;
            var chosen = random.NextDouble() < 0.8 ? Array.IndexOf(distribution, distribution.Max()) : random.Next(k);
            log[i] = new EvaluatedDecision(i, chosen, distribution[chosen], distribution, 0, random.NextDouble() < 0.1 + 0.05 * chosen ? 1 : 0);
        }
        return log;
    }

    /// <summary>The logging policy without exploration.</summary>
    private sealed class GreedyOnLoggingPolicy : ICandidatePolicy
    {
        public string Name => "greedy";

        public void Distribution(EvaluatedDecision decision, Span<double> probabilities)
        {
            probabilities.Clear();
            var best = 0;
            for (var a = 1; a < probabilities.Length; a++) if (decision.LoggingDistribution[a] > decision.LoggingDistribution[best]) best = a;
            probabilities[best] = 1;
        }
    }

    private sealed class PerActionRewardModel : IRewardModel
    {
        public void Predict(EvaluatedDecision decision, Span<double> rewards)
        {
            for (var a = 0; a < rewards.Length; a++) rewards[a] = 0.1 + 0.05 * a;
        }
    }
}
