using System.Globalization;
using Portal.Benchmarks.Service;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Insights.Statistics;
using Portal.Features.Simulation;

namespace Portal.Benchmarks.Evaluation;

/// <summary>
/// How often each estimator's 95 % intervals cover the true value of a target policy on simulated logs where the
/// truth is known exactly (<see cref="NewsTrueValue"/>), and how wide they are. Options: --repetitions, --decisions, --seed.
/// </summary>
public static class EvaluationCoverageCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandOptions(args);
        var (repetitions, decisions, seed) = (options.Int("--repetitions", 100), options.Int("--decisions", 5000), options.Int("--seed", 1));
        var log = new NewsLoggingWorld();
        ICandidatePolicy[] policies = [new BaselinePolicy(), new UniformRandomPolicy(), new NewsLoggingWorld.MobileVideoPolicy(log)];
        var truth = policies.Select(p => NewsTrueValue.Of(p, log)).ToArray();
        var tally = new Dictionary<(int Policy, string Estimator, string Kind), (int Covered, double Width)>();

        for (var r = 0; r < repetitions; r++)
        {
            var random = new Random(seed * 100_003 + r);
            var evaluation = new OffPolicyEvaluation(policies, 0, 1, new NewsLoggingWorld.InterestRewardModel(log));
            foreach (var decision in log.Log(new NewsWorld(random), random, decisions)) evaluation.Add(decision);
            var results = evaluation.Results();
            for (var i = 0; i < policies.Length; i++)
            {
                foreach (var estimate in new[] { results[i].Ips, results[i].Snips, results[i].Dr! })
                {
                    Count(tally, (i, estimate.Estimator, "Gaussian"), estimate.Gaussian, truth[i]);
                    Count(tally, (i, estimate.Estimator, estimate.SmallSampleMethod), estimate.SmallSample, truth[i]);
                }
            }
        }

        Console.WriteLine($"evaluation-coverage: {repetitions} repetitions × {decisions} decisions, ε-greedy logging (ε = {NewsLoggingWorld.Epsilon}, K = {NewsLoggingWorld.ActionCount})");
        Console.WriteLine($"{"policy",-15} {"true value",10} {"estimator",-9} {"interval",-20} {"covered",8} {"mean width",10}");
        foreach (var ((policy, estimator, kind), (covered, width)) in tally)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{policies[policy].Name,-15} {truth[policy],10:F4} {estimator,-9} {kind,-20} {covered,4}/{repetitions,-3} {width / repetitions,10:F4}"));
        }
        return 0;
    }

    private static void Count(Dictionary<(int, string, string), (int Covered, double Width)> tally, (int, string, string) key, Interval interval, double truth)
    {
        var (covered, width) = tally.GetValueOrDefault(key);
        tally[key] = (covered + (interval.Contains(truth) ? 1 : 0), width + (interval.High - interval.Low));
    }
}
