using Portal.Data.Entities;

namespace Portal.Features.Training;

/// <summary>
/// A logged decision as the trainer reads it. <see cref="LearnerFeatures"/> may hold the context's hashes only; the
/// action sets are then <see cref="ListActionSets"/>, stored once with the decision's actions list and shared by every
/// decision of the batch that names it.
/// </summary>
public sealed record TrainingExample(
    long Seq,
    DateTimeOffset CreatedAt,
    string RequestJson,
    string ChosenActionId,
    double ChosenProbability,
    LearningMode Mode,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    OversightEffects Oversight = OversightEffects.None,
    bool Flagged = false,
    bool Quarantined = false,
    string? RewardSource = null,
    byte[]? LearnerFeatures = null,
    byte[]? ListActionSets = null);
