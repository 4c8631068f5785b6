using Portal.Data.Entities;

namespace Portal.Features.Oversight;

/// <summary>What oversight did to a decision, in a word for chips and in a sentence for details.</summary>
public static class OversightLabels
{
    public static string Short(OversightEffects effects) =>
        effects.HasFlag(OversightEffects.OptedOut) ? "opted out"
        : effects.HasFlag(OversightEffects.KillSwitch) ? "kill switch"
        : effects.HasFlag(OversightEffects.RuleApplied) ? "rule"
        : effects.HasFlag(OversightEffects.AllFrozenBaseline) ? "all frozen"
        : effects.HasFlag(OversightEffects.FrozenRemoved) ? "frozen removed"
        : effects.HasFlag(OversightEffects.AwaitingGoLive) ? "awaiting go-live"
        : effects.HasFlag(OversightEffects.ModelFrozen) ? "model frozen"
        : "";

    public static IEnumerable<string> Sentences(OversightEffects effects)
    {
        if (effects.HasFlag(OversightEffects.FrozenRemoved)) yield return "Frozen actions were taken out of the candidates.";
        if (effects.HasFlag(OversightEffects.AllFrozenBaseline)) yield return "Every candidate was frozen or excluded: the baseline was served.";
        if (effects.HasFlag(OversightEffects.KillSwitch)) yield return "A kill switch was on: the baseline was served and nothing is learned.";
        if (effects.HasFlag(OversightEffects.RuleApplied)) yield return "An override rule decided what was served; it is not learned from.";
        if (effects.HasFlag(OversightEffects.ModelFrozen)) yield return "The model was frozen: it served, and nothing is learned.";
        if (effects.HasFlag(OversightEffects.AwaitingGoLive)) yield return "The loop awaits its go-live review: the baseline was served and, as in apprentice mode, it is learned from.";
        if (effects.HasFlag(OversightEffects.OptedOut)) yield return "The user opted out of personalization: the model did not run, no context was stored and nothing is learned.";
    }
}
