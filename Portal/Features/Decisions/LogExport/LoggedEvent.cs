using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>One logged decision as the export reads it; <see cref="Flagged"/> when a person marked it wrong.</summary>
public sealed record LoggedEvent(
    long Seq,
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
    OversightEffects Oversight,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    int RewardCount,
    bool Flagged)
{
    public bool OptedOut => (Oversight & OversightEffects.OptedOut) != 0;
}
