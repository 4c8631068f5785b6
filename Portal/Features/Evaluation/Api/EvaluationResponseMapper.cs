using Portal.Data.Entities;
using Portal.Features.Evaluation.Runs;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.Evaluation.Api;

/// <summary>
/// Stored runs in Personalizer's words. A queued run is "Running" (Personalizer has no queued state; the description
/// says it waits). The summary of a policy is its doubly robust estimate (SNIPS without a reward model) with the
/// small-sample 95 % interval when known; of the optimization grid only the best policy is reported.
/// </summary>
public static class EvaluationResponseMapper
{
    public const string EvaluationType = "Manual";

    public static EvaluationDetailsResponse Details(EvaluationRunSummary run) =>
        new(run.Id, run.Name, run.From, run.To, run.CreatedAt, StatusOf(run.Status), EvaluationType);

    /// <param name="intervalMinutes">The series' interval; the run's own when null.</param>
    public static EvaluationResponse Evaluation(EvaluationRunDetail detail, DateTimeOffset? seriesFrom, DateTimeOffset? seriesTo,
        SeriesWindow window, int? intervalMinutes)
    {
        var run = detail.Run;
        var content = detail.Report is { } report ? Content(run, report, seriesFrom, seriesTo, window, intervalMinutes ?? run.IntervalMinutes) : null;
        return new EvaluationResponse(run.Id, run.Name, run.From, run.To, run.CreatedAt, StatusOf(run.Status), EvaluationType,
            detail.Report?.OptimalPolicy, content, Description(run));
    }

    public static string StatusOf(EvaluationRunStatus status) => status switch
    {
        EvaluationRunStatus.Pending or EvaluationRunStatus.Running => "Running",
        EvaluationRunStatus.Succeeded => "Succeeded",
        EvaluationRunStatus.Canceled => "Canceled",
        _ => "Failed",
    };

    private static string? Description(EvaluationRunSummary run) => run.Status switch
    {
        EvaluationRunStatus.Pending => "Queued: waiting for the evaluations before it.",
        EvaluationRunStatus.Running => $"Running: {run.Progress:P0} of the window read.",
        EvaluationRunStatus.Failed or EvaluationRunStatus.Canceled => run.FailureMessage,
        _ => null,
    };

    private static EvaluationResultResponse Content(EvaluationRunSummary run, StoredReport report, DateTimeOffset? seriesFrom, DateTimeOffset? seriesTo,
        SeriesWindow window, int? minutes)
    {
        var policies = report.Policies
            .Where(p => p.Candidate.Source != PolicySources.OfflineExperimentation || p.Candidate.Name == report.BestDiscovered)
            .Select(p => new PolicyResultResponse(p.Candidate.Name, p.Candidate.Arguments, p.Candidate.Source, Summary(p.Primary),
                run.IntervalMinutes is not { } stored || minutes is null ? null : new TimeSeriesResponse(
                    EvaluationSeries.Of(p, run.From, stored, window, minutes.Value, seriesFrom, seriesTo)
                        .Select(t => new TimeSeriesPointResponse(t.Start, Finite(t.Estimate.Value), IntervalOf(t.Estimate.Reported))).ToList())))
            .ToList();
        return new EvaluationResultResponse(seriesFrom ?? run.From, seriesTo ?? run.To, minutes, policies);
    }

    private static SummaryResponse Summary(StoredEstimate estimate) => new(Finite(estimate.Value), IntervalOf(estimate.Reported));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static IReadOnlyList<double> IntervalOf(Interval interval) => interval.IsKnown ? [interval.Low, interval.High] : [];
}
