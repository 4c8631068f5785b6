using Portal.Data.Entities;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One logged decision as the export reads it: the request and the ranking as their UTF-8 text, as SQLite stores them
/// (no string is made of them).
/// </summary>
public sealed record LoggedEvent(
    long Seq,
    string EventId,
    DateTimeOffset CreatedAt,
    byte[] RequestUtf8,
    string ChosenActionId,
    double ChosenProbability,
    string BaselineActionId,
    bool Explored,
    long ModelVersion,
    LearningMode Mode,
    byte[] RankingUtf8,
    OversightEffects Oversight,
    bool DeferActivation,
    DateTimeOffset? ActivatedAt,
    double? Reward,
    int RewardCount,
    string? RewardSource = null)
{
    public bool OptedOut => (Oversight & OversightEffects.OptedOut) != 0;
}
