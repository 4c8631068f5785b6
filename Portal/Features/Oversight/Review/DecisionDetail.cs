using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Training;

namespace Portal.Features.Oversight.Review;

/// <summary>Everything logged about one decision, read back for the portal's decision view.</summary>
public sealed record DecisionDetail(
    long Seq,
    string LoopId,
    string EventId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JsonElement> Context,
    IReadOnlyList<RankedAction> Ranking,
    IReadOnlyList<string> ExcludedIds,
    string ChosenActionId,
    double ChosenProbability,
    string BaselineActionId,
    bool Explored,
    long ModelVersion,
    LearningMode Mode,
    IReadOnlyList<FeatureContribution> Explanation,
    OversightEffects Oversight,
    long? RuleId,
    string? OversightDetail,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    int RewardCount,
    DecisionFlagInfo? Flag,
    bool Learned,
    bool Quarantined = false)
{
    /// <summary>Whether the trainer learns (or learned) from it: <see cref="Learnability"/>'s rule.</summary>
    public bool Learnable => Learnability.IsLearnable(Mode, Oversight, Flag is not null, DeferActivation, ActivatedAt, ChosenProbability, Quarantined);
}

public sealed record DecisionFlagInfo(string Note, string FlaggedBy, DateTimeOffset FlaggedAt);
