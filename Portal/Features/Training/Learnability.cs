using Portal.Data.Entities;

namespace Portal.Features.Training;

/// <summary>
/// Whether the trainer learns from a logged decision: the one rule, asked by the trainer and by the pages that say
/// what will happen to a decision.
/// </summary>
public static class Learnability
{
    /// <summary>
    /// Logging-only decisions teach nothing; a deferred decision that was never activated was never shown; what
    /// oversight chose (a rule, a kill switch, a frozen model) was not the model's choice; a flagged decision is wrong;
    /// a choice the model gave no probability cannot be weighted; a quarantined window is suspected manipulation.
    /// </summary>
    public static bool IsLearnable(LearningMode mode, OversightEffects oversight, bool flagged, bool deferActivation,
        DateTimeOffset? activatedAt, double chosenProbability, bool quarantined = false) =>
        !quarantined &&
        mode != LearningMode.LoggingOnly
        && (oversight & OversightEffects.NotLearnable) == 0
        && !flagged
        && !(deferActivation && activatedAt is null)
        && chosenProbability > 0;

    /// <summary>
    /// The same rule as SQL over the decision log, for counting before a read: the mode, oversight, activation and
    /// probability parts. Flags and quarantines live in their own tables and are applied by whoever reads the rows.
    /// </summary>
    public static IQueryable<Decision> WhereLearnable(this IQueryable<Decision> decisions) =>
        decisions.Where(d => d.Mode != LearningMode.LoggingOnly
            && (d.Oversight & OversightEffects.NotLearnable) == 0
            && !(d.DeferActivation && d.ActivatedAt == null)
            && d.ChosenProbability > 0);
}
