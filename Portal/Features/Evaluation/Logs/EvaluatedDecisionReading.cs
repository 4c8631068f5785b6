using Portal.Features.Decisions.LogExport;

namespace Portal.Features.Evaluation.Logs;

/// <summary>
/// Turns one logged row into an <see cref="EvaluatedDecision"/>, or null when the trainer would not learn from it
/// (the same rule: <see cref="ExportedDecision.Learned"/> asks Learnability, with the loop's flags and quarantines) or
/// when its ranking or request cannot be read. A decision without a reward gets the loop's default reward, as the
/// trainer labels it.
/// </summary>
public static class EvaluatedDecisionReading
{
    public static EvaluatedDecision? From(LoggedEvent logged, LoopExportRules rules)
    {
        if (ExportedDecision.Read(logged, rules) is not { Learned: true } exported) return null;

        // The ranking lists the rankable candidates, chosen first; put them back in request order.
        var requestOrder = (int[])exported.Ranking.Clone();
        var probabilities = (double[])exported.Probabilities.Clone();
        Array.Sort(requestOrder, probabilities);

        var chosen = Array.IndexOf(requestOrder, exported.ChosenIndex);
        if (chosen < 0) return null;
        var baseline = Array.IndexOf(requestOrder, Array.IndexOf(exported.ActionIds, logged.BaselineActionId));
        return new EvaluatedDecision(logged.Seq, chosen, logged.ChosenProbability, probabilities, Math.Max(0, baseline), exported.Reward, exported);
    }
}
