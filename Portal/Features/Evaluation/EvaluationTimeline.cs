using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation;

/// <summary>SNIPS per policy per time bucket [from + k·width, from + (k+1)·width), filled as the pass goes.</summary>
public sealed class EvaluationTimeline(DateTimeOffset from, TimeSpan width, int policies)
{
    private readonly SortedDictionary<long, SnipsAccumulator[]> buckets = [];

    public void Add(EvaluatedDecision decision, OffPolicyEvaluation evaluation)
    {
        var created = decision.Source?.Logged.CreatedAt ?? from;
        var bucket = (long)Math.Floor((created - from) / width);
        if (!buckets.TryGetValue(bucket, out var accumulators)) buckets[bucket] = accumulators = new SnipsAccumulator[policies];
        for (var i = 0; i < policies; i++)
            accumulators[i].Add(new LoggedOutcome(decision.ChosenProbability, evaluation.LastTarget(i), decision.Reward));
    }

    public IReadOnlyList<TimelinePoint> Points(int policy, EstimatorBounds bounds) =>
        buckets.Select(b => new TimelinePoint(from + b.Key * width, b.Value[policy].Estimate(bounds), b.Value[policy].Sums)).ToList();
}
