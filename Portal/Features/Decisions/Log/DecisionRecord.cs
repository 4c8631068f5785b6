using Portal.Data.Entities;

namespace Portal.Features.Decisions.Log;

/// <summary>What the writer inserts for one Rank call (see <see cref="Decision"/> for the meaning of each field).</summary>
public sealed record DecisionRecord(
    string LoopId,
    string EventId,
    DateTimeOffset CreatedAt,
    string RequestJson,
    string ChosenActionId,
    double ChosenProbability,
    string BaselineActionId,
    bool Explored,
    long ModelVersion,
    LearningMode Mode,
    string RankingJson,
    string ExplanationJson,
    bool DeferActivation,
    OversightEffects Oversight = OversightEffects.None,
    long? RuleId = null,
    string? OversightDetail = null,
    byte[]? LearnerFeatures = null);
