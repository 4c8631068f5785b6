using Microsoft.Extensions.Options;
using Portal.Features.Evaluation.Logs;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Evaluation.Previews;

/// <summary>
/// An evaluation of a loop's recent decisions for a dialog or a page: the last <see cref="EvaluationOptions.PreviewWindow"/>,
/// cut to its newest <see cref="EvaluationOptions.PreviewMaxDecisions"/> learnable decisions, candidates compared with
/// the first. Null with the reason when there is nothing to evaluate.
/// </summary>
public sealed class RecentEvaluation(IPolicyEvaluator evaluator, EvaluationWindowCounter counter, IOptions<EvaluationOptions> options, TimeProvider clock)
{
    public EvaluationOptions Options => options.Value;

    public async Task<(EvaluationReport? Report, string? Reason)> RunAsync(string loopId, IReadOnlyList<PolicyCandidate> candidates, CancellationToken ct)
    {
        var to = clock.GetUtcNow().AddMilliseconds(1);
        var from = to - Options.PreviewWindow;
        if (await counter.StartOfNewestAsync(loopId, from, to, Options.PreviewMaxDecisions, ct) is { } newest && newest > from) from = newest;
        try
        {
            var report = await evaluator.EvaluateAsync(new EvaluationRequest(loopId, from, to, candidates, Reference: 0), null, ct);
            return (report, null);
        }
        catch (EvaluationRequestException error) when (error.Code == ApiErrorCodes.NoLogsExistInDateRange)
        {
            return (null, $"no decision of the last {Days(Options.PreviewWindow)} was learned from");
        }
    }

    public static string Days(TimeSpan window) =>
        window.TotalDays >= 1 ? $"{window.TotalDays:0.#} days" : $"{window.TotalHours:0.#} hours";
}
