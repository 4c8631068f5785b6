using System.Globalization;
using Portal.Data.Entities;
using Portal.Features.Evaluation.Runs;

namespace Portal.Features.Evaluation.Pages;

/// <summary>How the evaluation pages word and colour a run.</summary>
public static class EvaluationRunText
{
    public static MudBlazor.Color ColorOf(EvaluationRunStatus status) => status switch
    {
        EvaluationRunStatus.Succeeded => MudBlazor.Color.Success,
        EvaluationRunStatus.Failed => MudBlazor.Color.Error,
        EvaluationRunStatus.Canceled => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    public static string Window(EvaluationRunSummary run) => $"{Utc(run.From)} – {Utc(run.To)}";

    public static string Progress(EvaluationRunSummary run) => run.Status switch
    {
        EvaluationRunStatus.Pending => "queued",
        EvaluationRunStatus.Running => $"{run.Progress:P0} · {run.DecisionsRead:N0} decisions read",
        _ => $"{run.DecisionsRead:N0} decisions",
    };

    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Number(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    public static string Interval(double low, double high) =>
        double.IsFinite(low) && double.IsFinite(high) ? $"[{Number(low)}, {Number(high)}]" : "unknown";
}
