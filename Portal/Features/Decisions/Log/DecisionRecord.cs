using Portal.Data.Entities;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// What the writer inserts for one Rank call (see <see cref="Decision"/> for the meaning of each field). Its texts and
/// hashed features may live in the caller's pooled buffers: they must not change until the write is committed.
/// <see cref="ActionsJson"/> is where the actions list lies in <see cref="RequestJson"/>'s UTF-8 bytes, brackets
/// included, when known: a list sent before is then stored once, apart from the row (<see cref="ActionListStore"/>).
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
    ReadOnlyMemory<byte>? LearnerFeatures = null,
    Range? ActionsJson = null);
