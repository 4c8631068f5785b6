using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Simulation;

namespace Portal.Benchmarks.Evaluation;

/// <summary>
/// The news simulator as a logged loop: ε-greedy (ε = 0.2) over a fixed rule (the first article on one of the
/// visitor's interests, else the first article) picks the article, the simulator's click probability draws the reward.
/// The visit of each decision is kept by its Seq so the target policies and the reward model can read its context.
/// </summary>
public sealed class NewsLoggingWorld
{
    public const double Epsilon = 0.2;

    public static int ActionCount => NewsWorld.Articles.Count;

    /// <summary>The logging policy's smallest probability is ε/K, so no weight exceeds K/ε.</summary>
    public static double MaxWeight => ActionCount / Epsilon;

    public List<SimulatedVisit> Visits { get; } = [];

    public SimulatedVisit VisitOf(EvaluatedDecision decision) => Visits[(int)decision.Seq];

    public static int InterestRule(SimulatedVisit visit)
    {
        for (var a = 0; a < ActionCount; a++)
        {
            if (visit.Interests.Contains(NewsWorld.Articles[a].Topic)) return a;
        }
        return 0;
    }

    /// <summary>One logged run of <paramref name="decisions"/> visits.</summary>
    public IEnumerable<EvaluatedDecision> Log(NewsWorld world, Random random, int decisions)
    {
        Visits.Clear();
        for (var i = 0; i < decisions; i++)
        {
            var visit = world.NextVisit();
            Visits.Add(visit);
            var distribution = new double[ActionCount];
            distribution.AsSpan().Fill(Epsilon / ActionCount);
            distribution[InterestRule(visit)] += 1 - Epsilon;
            var chosen = Sample(distribution, random.NextDouble());
            var reward = world.Clicks(visit, NewsWorld.Articles[chosen]) ? 1 : 0;
            yield return new EvaluatedDecision(i, chosen, distribution[chosen], distribution, BaselineIndex: 0, reward);
        }
    }

    private static int Sample(double[] distribution, double roll)
    {
        for (var a = 0; a < distribution.Length; a++)
        {
            roll -= distribution[a];
            if (roll < 0) return a;
        }
        return distribution.Length - 1;
    }

    /// <summary>A third target: on mobile the first video article (videos click better there), else the interest rule.</summary>
    public sealed class MobileVideoPolicy(NewsLoggingWorld log) : ICandidatePolicy
    {
        public string Name => "mobile video";

        public void Distribution(EvaluatedDecision decision, Span<double> probabilities)
        {
            var visit = log.VisitOf(decision);
            probabilities.Clear();
            probabilities[visit.Device == "mobile" ? FirstVideo(visit) : InterestRule(visit)] = 1;
        }

        private static int FirstVideo(SimulatedVisit visit)
        {
            var any = -1;
            for (var a = 0; a < ActionCount; a++)
            {
                if (NewsWorld.Articles[a].Format != "video") continue;
                if (visit.Interests.Contains(NewsWorld.Articles[a].Topic)) return a;
                if (any < 0) any = a;
            }
            return any;
        }
    }

    /// <summary>
    /// DR's reward model: deliberately incomplete (interests only, none of the device, time or age effects), so the
    /// correction term has work to do.
    /// </summary>
    public sealed class InterestRewardModel(NewsLoggingWorld log) : IRewardModel
    {
        public void Predict(EvaluatedDecision decision, Span<double> rewards)
        {
            var visit = log.VisitOf(decision);
            for (var a = 0; a < rewards.Length; a++) rewards[a] = visit.Interests.Contains(NewsWorld.Articles[a].Topic) ? 0.34 : 0.04;
        }
    }
}
