using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Estimators;
using Portal.Features.Insights.Statistics;

namespace Portal.Tests.Features.Evaluation.Runs;

/// <summary>
/// A test double of the evaluation engine: by default it answers each candidate with a fixed estimate (0.4 + 0.05 per
/// position, interval ± 0.05) and one timeline point per bucket, reporting progress half-way; a test may script another
/// behaviour (fail, wait for cancellation). It records the requests it got.
/// </summary>
public sealed class ScriptedPolicyEvaluator : IPolicyEvaluator
{
    public const long Decisions = 1234;

    public Func<EvaluationRequest, IProgress<EvaluationProgress>?, CancellationToken, Task<EvaluationReport>>? Behaviour { get; set; }

    public List<EvaluationRequest> Requests { get; } = [];

    public Task<EvaluationReport> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        lock (Requests) Requests.Add(request);
        return Behaviour is { } behaviour ? behaviour(request, progress, ct) : Task.FromResult(ReportFor(request, progress));
    }

    /// <summary>Waits until the run is canceled, after reporting that it read half of the window.</summary>
    public static async Task<EvaluationReport> UntilCanceled(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new EvaluationProgress(Decisions / 2, 0.5));
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    }

    public static EvaluationReport ReportFor(EvaluationRequest request, IProgress<EvaluationProgress>? progress = null)
    {
        progress?.Report(new EvaluationProgress(Decisions / 2, 0.5));
        var policies = request.Candidates.Select((candidate, i) =>
        {
            var value = 0.4 + 0.05 * i;
            var timeline = request.BucketWidth is { } width
                ? new List<TimelinePoint>
                {
                    new(request.From, Estimate("SNIPS", value), SumsOf(value)),
                    new(request.From + width, Estimate("SNIPS", value + 0.01), SumsOf(value + 0.01)),
                }
                : [];
            return new PolicyReport(candidate, new PolicyEstimates(candidate.Name, Estimate("IPS", value), Estimate("SNIPS", value),
                Estimate("DR", value)), timeline, Bounds: new EstimatorBounds(1, 0, 1));
        }).ToList();
        progress?.Report(new EvaluationProgress(Decisions, 1));
        return new EvaluationReport(Decisions, policies);
    }

    /// <summary>The sums of 100 decisions the policy would have served alike, <paramref name="value"/> of them rewarded.</summary>
    private static WeightedRewardSums SumsOf(double value)
    {
        var sums = new WeightedRewardSums();
        for (var i = 0; i < 100; i++) sums.Add(1, i < Math.Round(value * 100) ? 1 : 0);
        return sums;
    }

    public static OffPolicyEstimate Estimate(string estimator, double value) =>
        new(estimator, value, new Interval(value - 0.05, value + 0.05), new Interval(value - 0.08, value + 0.08), "empirical Bernstein",
            Decisions, Decisions * 0.8);
}
