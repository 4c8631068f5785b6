using Portal.Data.Entities;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Segments;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// The inner policy with one override rule in force, applied as <see cref="Oversight.OversightEnforcer"/> applies it to a
/// decision whose context is in the rule's segment: serve the first remaining candidate (baseline), force an action
/// when it is a remaining candidate, or take actions out and let the inner policy decide among the rest (nothing left →
/// the caller's baseline). A rule that would change nothing leaves the decision to the inner policy.
/// </summary>
public sealed class RulePolicy(IRestrictablePolicy inner, OverrideKind kind, IReadOnlySet<string> actionIds, SegmentPredicate segment,
    LoggedFeatures features) : IRestrictablePolicy
{
    private bool[] removedBuffer = new bool[16];

    public string Name => inner.Name + " + rule";

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities) => Distribution(decision, [], probabilities);

    public void Distribution(EvaluatedDecision decision, ReadOnlySpan<bool> removed, Span<double> probabilities)
    {
        if (features.Read(decision) is not { } f || !segment.Matches(f.RawContext))
        {
            inner.Distribution(decision, removed, probabilities);
            return;
        }
        var k = decision.ActionCount;
        if (removedBuffer.Length < k) removedBuffer = new bool[k * 2];
        var all = removedBuffer.AsSpan(0, k);
        all.Clear();
        removed.CopyTo(all);
        var first = FirstRemaining(f, all);
        switch (kind)
        {
            case OverrideKind.ServeBaseline:
                Serve(first < 0 ? decision.BaselineIndex : first, probabilities);
                return;
            case OverrideKind.ForceAction:
                var forced = Find(f, all);
                if (forced >= 0) Serve(forced, probabilities);
                else inner.Distribution(decision, all, probabilities);
                return;
            default:
                for (var j = 0; j < k; j++) all[j] |= f.IsRankable(j) && actionIds.Contains(f.ActionIds[f.RequestIndex[j]]);
                if (FirstRemaining(f, all) < 0) Serve(decision.BaselineIndex, probabilities);
                else inner.Distribution(decision, all, probabilities);
                return;
        }
    }

    public void Observe(EvaluatedDecision decision) => inner.Observe(decision);

    private int Find(DecisionFeatures f, ReadOnlySpan<bool> removed)
    {
        for (var j = 0; j < f.EvaluatedCount; j++)
        {
            if (!removed[j] && f.IsRankable(j) && actionIds.Contains(f.ActionIds[f.RequestIndex[j]])) return j;
        }
        return -1;
    }

    private static int FirstRemaining(DecisionFeatures f, ReadOnlySpan<bool> removed)
    {
        for (var j = 0; j < f.EvaluatedCount; j++)
        {
            if (!removed[j] && f.IsRankable(j)) return j;
        }
        return -1;
    }

    private static void Serve(int index, Span<double> probabilities)
    {
        probabilities.Clear();
        probabilities[index] = 1;
    }
}
