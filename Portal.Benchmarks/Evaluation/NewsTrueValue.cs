using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Simulation;

namespace Portal.Benchmarks.Evaluation;

/// <summary>
/// A policy's exact expected reward in the news simulator: Σₓ P(x) Σₐ π(a|x) P(click | x, a) over every visit the
/// simulator can draw (age band × device × time of day × interests, with NewsWorld's probabilities; country changes no
/// click probability and no policy here, so one stands for all).
/// </summary>
public static class NewsTrueValue
{
    private static readonly double[] AgeBandWeights = [0.18, 0.28, 0.27, 0.21, 0.06];

    public static double Of(ICandidatePolicy policy, NewsLoggingWorld log)
    {
        var world = new NewsWorld(new Random(0));
        var (visits, weights) = Visits();
        log.Visits.Clear();
        log.Visits.AddRange(visits);
        var uniform = new double[NewsLoggingWorld.ActionCount];
        uniform.AsSpan().Fill(1.0 / uniform.Length);
        var pi = new double[uniform.Length];
        var value = 0.0;
        for (var i = 0; i < visits.Count; i++)
        {
            policy.Distribution(new EvaluatedDecision(i, 0, uniform[0], uniform, 0, 0), pi);
            for (var a = 0; a < pi.Length; a++) value += weights[i] * pi[a] * world.ClickProbability(visits[i], NewsWorld.Articles[a]);
        }
        return value;
    }

    private static (List<SimulatedVisit>, List<double>) Visits()
    {
        var (visits, weights) = (new List<SimulatedVisit>(), new List<double>());
        var topics = NewsWorld.Topics;
        for (var age = 0; age < NewsWorld.AgeBands.Count; age++)
        foreach (var device in NewsWorld.Devices)
        foreach (var time in NewsWorld.TimesOfDay)
        foreach (var first in topics)
        {
            var p = AgeBandWeights[age] / NewsWorld.Devices.Count / NewsWorld.TimesOfDay.Count / topics.Count;
            // Half the visitors state one interest, half a second one drawn from the other topics.
            visits.Add(new SimulatedVisit(NewsWorld.AgeBands[age], "US", device, [first], time));
            weights.Add(p * 0.5);
            foreach (var second in topics.Where(t => t != first))
            {
                visits.Add(new SimulatedVisit(NewsWorld.AgeBands[age], "US", device, [first, second], time));
                weights.Add(p * 0.5 / (topics.Count - 1));
            }
        }
        return (visits, weights);
    }
}
