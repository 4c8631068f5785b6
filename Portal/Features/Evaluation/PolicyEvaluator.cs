using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Evaluation;

/// <summary>
/// Runs one counterfactual evaluation in one pass over the window's learnable decisions (the trainer's rule), for every
/// candidate at once, with a doubly robust reward model trained progressively on the same pass. Refuses a bad request
/// before reading; counts the window first (one query) so progress is a fraction (reported once before reading, then
/// every page); the log is read on another thread a few batches ahead (<see cref="ReadAhead"/>); cancellation is checked
/// by every page query and before each batch.
/// </summary>
public sealed class PolicyEvaluator(LoopDirectory loops, EvaluationLogReader log, EvaluationWindowCounter counter, TimeProvider clock) : IPolicyEvaluator
{
    public const int MaxBuckets = 10_000;
    private const int ProgressEvery = Decisions.LogExport.DecisionLogReader.PageSize;
    private const int ReadBatch = 256;
    private const int BatchesAhead = 16;

    public async Task<EvaluationReport> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken ct)
    {
        var loop = loops.Find(request.LoopId)
            ?? throw new EvaluationRequestException(ApiErrorCodes.ResourceNotFound, "loopId", $"Loop '{request.LoopId}' was not found.");
        Validate(request);
        var expected = await counter.CountAsync(loop.Id, request.From, request.To, ct);
        if (expected == 0) throw NoLogs();

        var features = new LoggedFeatures(loop.AuditOnlyFeatures);
        var factory = new CandidatePolicies(loop, features);
        var policies = request.Candidates.Select(factory.Build).ToList<ICandidatePolicy>();
        var defaultReward = loop.Settings.DefaultReward;
        var rewardModel = new ProgressiveRewardModel(loop.Policy, features, double.IsFinite(defaultReward) ? defaultReward : 0);
        var evaluation = new OffPolicyEvaluation(policies, Math.Min(0, rewardModel.DefaultReward), Math.Max(0, rewardModel.DefaultReward), rewardModel);
        var timeline = request.BucketWidth is { } width ? new EvaluationTimeline(request.From, width, policies.Count) : null;
        var differences = request.Reference is null ? null : new PairedDifference[policies.Count];
        progress?.Report(new EvaluationProgress(0, 0));

        var rows = log.ReadAsync(loop.Id, rewardModel.DefaultReward, request.From, request.To, ct);
        await foreach (var batch in ReadAhead.Batches(rows, ReadBatch, BatchesAhead, ct))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var decision in batch)
            {
                if (features.Read(decision) is null) continue;
                evaluation.Add(decision);
                timeline?.Add(decision, evaluation);
                if (differences is not null) AddDifferences(differences, request.Reference!.Value, decision, evaluation);
                if (evaluation.Count % ProgressEvery == 0) progress?.Report(new EvaluationProgress(evaluation.Count, Math.Min(1, (double)evaluation.Count / expected)));
            }
        }
        ct.ThrowIfCancellationRequested();
        if (evaluation.Count == 0) throw NoLogs();
        progress?.Report(new EvaluationProgress(evaluation.Count, 1));
        return Report(request, evaluation, timeline, differences);
    }

    private void Validate(EvaluationRequest request)
    {
        if (request.To <= request.From)
            throw new EvaluationRequestException(ApiErrorCodes.BadRequest, "endTime", "endTime must be later than startTime.");
        if (request.From > clock.GetUtcNow())
            throw new EvaluationRequestException(ApiErrorCodes.BadRequest, "startTime", "startTime is in the future: there are no decisions to evaluate yet.");
        if (request.Candidates is not { Count: > 0 })
            throw new EvaluationRequestException(ApiErrorCodes.BadRequest, CandidatePolicies.PoliciesField, "At least one policy to evaluate is needed.");
        if (request.BucketWidth is { } width && (width <= TimeSpan.Zero || (request.To - request.From) / width > MaxBuckets))
            throw new EvaluationRequestException(ApiErrorCodes.BadRequest, "bucketWidth", $"bucketWidth must be positive and cut the window into at most {MaxBuckets:N0} buckets.");
        if (request.Reference is { } reference && (reference < 0 || reference >= request.Candidates.Count))
            throw new EvaluationRequestException(ApiErrorCodes.BadRequest, "reference", "reference must be the index of one of the policies.");
        foreach (var candidate in request.Candidates) CandidatePolicies.Validate(candidate);
    }

    private static EvaluationRequestException NoLogs() =>
        new(ApiErrorCodes.NoLogsExistInDateRange, "startTime", "The window holds no decisions the loop learned from: there is nothing to evaluate.");

    private static void AddDifferences(PairedDifference[] differences, int reference, Logs.EvaluatedDecision decision, OffPolicyEvaluation evaluation)
    {
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i].Add(decision.ChosenProbability, decision.Reward, evaluation.LastTarget(i), evaluation.LastTarget(reference),
                evaluation.LastDirect(i), evaluation.LastDirect(reference), evaluation.LastPredictedChosen);
        }
    }

    private static EvaluationReport Report(EvaluationRequest request, OffPolicyEvaluation evaluation, EvaluationTimeline? timeline, PairedDifference[]? differences)
    {
        var results = evaluation.Results();
        var (min, max) = evaluation.RewardRange;
        var reports = new PolicyReport[results.Count];
        for (var i = 0; i < reports.Length; i++)
        {
            var difference = differences is null ? null : differences[i].Estimate(
                $"{request.Candidates[i].Name} − {request.Candidates[request.Reference!.Value].Name}",
                evaluation.PossibleMaxWeight(i), evaluation.PossibleMaxWeight(request.Reference.Value), min, max, withDr: true);
            var bounds = new EstimatorBounds(evaluation.PossibleMaxWeight(i), min, max);
            reports[i] = new PolicyReport(request.Candidates[i], results[i], timeline?.Points(i, bounds) ?? [], difference,
                evaluation.BaselineAgreement(i), bounds);
        }
        return new EvaluationReport(evaluation.Count, reports);
    }
}
