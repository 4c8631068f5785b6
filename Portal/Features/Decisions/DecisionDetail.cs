using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.Api;
using Portal.Features.Learning;

namespace Portal.Features.Decisions;

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
    bool Learned)
{
    /// <summary>Serving decisions are learned from unless oversight chose, the mode logs only, or a person flagged it.</summary>
    public bool Learnable => (Oversight & OversightEffects.NotLearnable) == 0 && Mode != LearningMode.LoggingOnly && Flag is null
                             && !(DeferActivation && ActivatedAt is null);
}

public sealed record DecisionFlagInfo(string Note, string FlaggedBy, DateTimeOffset FlaggedAt);
