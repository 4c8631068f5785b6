using Portal.Infrastructure.Export;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One decision as a row of the log's CSV (formula-safe, see <see cref="CsvWriter"/>): the event, the label in the same
/// terms as DSJSON (probability, reward or the default, cost), what oversight did, whether it is learned from, the
/// ranking as logged and the context's kept features as JSON. Action features are left to DSJSON: a cell per action
/// would make rows of different widths.
/// </summary>
public static class LogCsvRow
{
    public static readonly string[] Header =
    [
        "event_id", "time_utc", "chosen_action", "chosen_probability", "reward", "reward_received", "cost", "explored", "baseline_action",
        "model_version", "mode", "oversight", "opted_out", "learned", "ranking", "context",
    ];

    public static void Write(CsvWriter csv, ExportedDecision d, LoopExportRules rules)
    {
        var logged = d.Logged;
        csv.Text(logged.EventId)
            .Text(DsjsonLine.Timestamp(logged.CreatedAt))
            .Text(logged.ChosenActionId)
            .Number(logged.ChosenProbability)
            .Number(d.Reward)
            .Text(logged.Reward is null ? "false" : "true")
            .Number(d.Cost)
            .Text(Flag(logged.Explored))
            .Text(logged.BaselineActionId)
            .Number(logged.ModelVersion)
            .Text(logged.Mode.ToString())
            .Text(logged.Oversight.ToString())
            .Text(Flag(logged.OptedOut))
            .Text(Flag(d.Learned))
            .Text(System.Text.Encoding.UTF8.GetString(logged.RankingUtf8))
            .Text(FeatureCopier.Object(d.Context, rules))
            .EndRow();
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
