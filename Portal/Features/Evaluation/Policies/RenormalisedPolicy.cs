using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// A fixed policy with actions taken out: their mass is spread over the rest in proportion (uniform stays uniform over
/// what remains). When nothing it would serve remains, the first remaining rankable action is served, as Rank serves the
/// first remaining candidate as the baseline; when none remains at all, the decision's baseline.
/// </summary>
public sealed class RenormalisedPolicy(ICandidatePolicy inner, LoggedFeatures features) : IRestrictablePolicy
{
    public string Name => inner.Name;

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities) => inner.Distribution(decision, probabilities);

    public void Distribution(EvaluatedDecision decision, ReadOnlySpan<bool> removed, Span<double> probabilities)
    {
        inner.Distribution(decision, probabilities);
        if (removed.IndexOf(true) < 0) return;
        var kept = 0.0;
        for (var j = 0; j < probabilities.Length; j++)
        {
            if (j < removed.Length && removed[j]) probabilities[j] = 0;
            kept += probabilities[j];
        }
        if (kept > 0)
        {
            for (var j = 0; j < probabilities.Length; j++) probabilities[j] /= kept;
            return;
        }
        probabilities.Clear();
        probabilities[FirstRemaining(decision, removed)] = 1;
    }

    public void Observe(EvaluatedDecision decision) => inner.Observe(decision);

    private int FirstRemaining(EvaluatedDecision decision, ReadOnlySpan<bool> removed)
    {
        var f = features.Read(decision);
        for (var j = 0; j < decision.ActionCount; j++)
        {
            if (!(j < removed.Length && removed[j]) && (f is null || f.IsRankable(j))) return j;
        }
        return decision.BaselineIndex;
    }
}
