using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;

namespace Portal.Features.Oversight;

/// <summary>
/// Applies oversight to one Rank, in this order: frozen actions leave the candidates; if none is left the caller's
/// baseline is served; a kill switch serves the first remaining candidate; the first acting rule (by priority) whose
/// segment matches and that changes something decides; a frozen model still ranks but is marked; and where the model
/// would choose, a loop awaiting its go-live review serves the first remaining candidate instead (the baseline, as
/// Personalizer's apprentice mode does). Pure and lock-free; with nothing to enforce it returns at once without allocating.
/// </summary>
public static class OversightEnforcer
{
    /// <param name="excluded">The caller's exclusions on entry; on return also what oversight took out.</param>
    public static OversightVerdict Apply(OversightSnapshot snapshot, LoopOversight loop, DateTimeOffset now,
        IReadOnlyList<JsonElement> context, IReadOnlyList<RankableAction> actions, Span<bool> excluded)
    {
        if (loop.IsEmpty && !snapshot.GlobalKillSwitch) return OversightVerdict.ModelDecides;

        var callerBaseline = FirstRemaining(excluded);
        var effects = OversightEffects.None;
        StringBuilder? detail = null;

        if (loop.Frozen.Count > 0 && RemoveFrozen(loop, now, actions, excluded, ref detail)) effects |= OversightEffects.FrozenRemoved;
        var first = FirstRemaining(excluded);
        if (first < 0) return Verdict(callerBaseline, effects | OversightEffects.AllFrozenBaseline, null, detail, "every candidate is frozen or excluded: baseline served");

        if (snapshot.GlobalKillSwitch || loop.KillSwitch)
            return Verdict(first, effects | OversightEffects.KillSwitch, null, detail,
                snapshot.GlobalKillSwitch ? "kill switch of all loops: baseline served" : "kill switch: baseline served");

        foreach (var rule in loop.Rules)
        {
            if (!rule.IsActingAt(now) || !rule.Segment.Matches(context)) continue;
            if (ApplyRule(rule, actions, excluded, callerBaseline, effects, ref detail) is { } verdict) return GoLiveGate(loop, verdict, excluded);
        }

        if (loop.ModelFrozen) effects |= OversightEffects.ModelFrozen;
        return GoLiveGate(loop, effects == OversightEffects.None ? OversightVerdict.ModelDecides : new OversightVerdict(-1, effects, null, detail?.ToString()), excluded);
    }

    /// <summary>Where the model would choose, a loop awaiting its go-live review serves the first remaining candidate.</summary>
    private static OversightVerdict GoLiveGate(LoopOversight loop, OversightVerdict verdict, ReadOnlySpan<bool> excluded)
    {
        if (verdict.Serves || !loop.AwaitingGoLive) return verdict;
        const string text = "awaiting go-live review: baseline served";
        return new OversightVerdict(FirstRemaining(excluded), verdict.Effects | OversightEffects.AwaitingGoLive, verdict.RuleId,
            verdict.Detail is null ? text : verdict.Detail + "; " + text);
    }

    private static OversightVerdict? ApplyRule(ActiveRule rule, IReadOnlyList<RankableAction> actions, Span<bool> excluded,
        int callerBaseline, OversightEffects effects, ref StringBuilder? detail)
    {
        var applied = effects | OversightEffects.RuleApplied;
        switch (rule.Kind)
        {
            case OverrideKind.ServeBaseline:
                return Verdict(FirstRemaining(excluded), applied, rule.Id, detail, $"rule #{rule.Id} ({rule.SegmentName}): baseline served");
            case OverrideKind.ForceAction:
                var forced = IndexOf(actions, rule.ActionIds[0]);
                if (forced < 0 || excluded[forced]) return null;
                return Verdict(forced, applied, rule.Id, detail, $"rule #{rule.Id} ({rule.SegmentName}): forced {rule.ActionIds[0]}");
            default:
                var removed = 0;
                foreach (var id in rule.ActionIds)
                {
                    var index = IndexOf(actions, id);
                    if (index < 0 || excluded[index]) continue;
                    excluded[index] = true;
                    removed++;
                }
                if (removed == 0) return null;
                var remaining = FirstRemaining(excluded);
                var text = $"rule #{rule.Id} ({rule.SegmentName}): excluded {string.Join(", ", rule.ActionIds)}";
                return remaining < 0
                    ? Verdict(callerBaseline, applied | OversightEffects.AllFrozenBaseline, rule.Id, detail, text + "; nothing left: baseline served")
                    : new OversightVerdict(-1, applied, rule.Id, Append(ref detail, text).ToString());
        }
    }

    private static bool RemoveFrozen(LoopOversight loop, DateTimeOffset now, IReadOnlyList<RankableAction> actions, Span<bool> excluded, ref StringBuilder? detail)
    {
        var any = false;
        for (var i = 0; i < actions.Count; i++)
        {
            var id = actions[i].Id!;
            if (excluded[i] || !loop.Frozen.TryGetValue(id, out var freeze) || !freeze.IsActiveAt(now)) continue;
            excluded[i] = true;
            Append(ref detail, any ? ", " + id : "frozen removed: " + id);
            any = true;
        }
        return any;
    }

    private static OversightVerdict Verdict(int serve, OversightEffects effects, long? ruleId, StringBuilder? detail, string text) =>
        new(serve, effects, ruleId, Append(ref detail, text).ToString());

    private static StringBuilder Append(ref StringBuilder? detail, string text)
    {
        if (detail is null) return detail = new StringBuilder(text);
        // Parts are separated by "; " except a continuing list of frozen actions.
        return text.StartsWith(", ", StringComparison.Ordinal) ? detail.Append(text) : detail.Append("; ").Append(text);
    }

    private static int FirstRemaining(ReadOnlySpan<bool> excluded) => excluded.IndexOf(false);

    private static int IndexOf(IReadOnlyList<RankableAction> actions, string id)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id == id) return i;
        }
        return -1;
    }
}
