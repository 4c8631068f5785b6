using System.Runtime.CompilerServices;
using Portal.Features.Decisions.LogExport;

namespace Portal.Features.Evaluation.Logs;

/// <summary>
/// A loop's learnable decisions in a time window, streamed page by page through the decision log's one query (see
/// <see cref="DecisionLogReader"/>): never the whole window in memory.
/// </summary>
public sealed class EvaluationLogReader(DecisionLogReader log, LoopExportRulesReader rulesReader)
{
    public async IAsyncEnumerable<EvaluatedDecision> ReadAsync(string loopId, double defaultReward, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rules = await rulesReader.ReadAsync(loopId, new HashSet<string>(StringComparer.Ordinal), defaultReward, ct);
        await foreach (var decision in Learnable(log.ReadAsync(loopId, from, to, long.MaxValue, ct), rules, ct)) yield return decision;
    }

    /// <summary>The rows that the trainer would learn from, as evaluation inputs; the others are skipped.</summary>
    public static async IAsyncEnumerable<EvaluatedDecision> Learnable(IAsyncEnumerable<LoggedEvent> rows, LoopExportRules rules,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (EvaluatedDecisionReading.From(row, rules) is { } decision) yield return decision;
        }
    }
}
