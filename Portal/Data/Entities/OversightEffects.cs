namespace Portal.Data.Entities;

/// <summary>What oversight changed in one decision (a set of flags, stored as a number).</summary>
[Flags]
public enum OversightEffects
{
    None = 0,

    /// <summary>Frozen actions were taken out of the candidates; the rest were ranked as usual.</summary>
    FrozenRemoved = 1,

    /// <summary>Every candidate was frozen or excluded: the baseline was served.</summary>
    AllFrozenBaseline = 2,

    /// <summary>An override rule decided what was served.</summary>
    RuleApplied = 4,

    /// <summary>A kill switch (of the loop or of all loops) served the baseline.</summary>
    KillSwitch = 8,

    /// <summary>The model was frozen: served as it is, not learning.</summary>
    ModelFrozen = 16,

    /// <summary>The user opted out of personalization: the model did not run and nothing about them was stored.</summary>
    OptedOut = 32,

    /// <summary>
    /// The loop awaits its go-live review: the baseline was served, as in Personalizer's apprentice mode (learned from
    /// unless the loop's own mode says otherwise).
    /// </summary>
    AwaitingGoLive = 64,

    /// <summary>Effects that keep a decision out of training: the model did not choose it.</summary>
    NotLearnable = AllFrozenBaseline | RuleApplied | KillSwitch | ModelFrozen | OptedOut,
}
