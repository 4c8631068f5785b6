using Portal.Data.Entities;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// What the writer inserts for one Rank call (see <see cref="Decision"/> for the meaning of each field). Its texts and
/// hashed features may live in the caller's pooled buffers: they must not change until the write is committed.
/// </summary>
public sealed record DecisionRecord(
    string LoopId,
    string EventId,
    DateTimeOffset CreatedAt,
    LoggedText RequestJson,
    string ChosenActionId,
    double ChosenProbability,
    string BaselineActionId,
    bool Explored,
    long ModelVersion,
    LearningMode Mode,
    LoggedText RankingJson,
    LoggedText ExplanationJson,
    bool DeferActivation,
    OversightEffects Oversight = OversightEffects.None,
    long? RuleId = null,
    string? OversightDetail = null,
    ReadOnlyMemory<byte>? LearnerFeatures = null);
