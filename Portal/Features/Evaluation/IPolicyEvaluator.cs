namespace Portal.Features.Evaluation;

/// <summary>
/// Runs one counterfactual evaluation to the end in the caller's task: one pass over the window's decisions for all
/// candidates. Refuses a bad request (<see cref="EvaluationRequestException"/>: reversed or future window, no data,
/// unknown policy flag, unknown loop) before reading anything; honours cancellation between pages of the log.
/// </summary>
public interface IPolicyEvaluator
{
    Task<EvaluationReport> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken ct);
}
