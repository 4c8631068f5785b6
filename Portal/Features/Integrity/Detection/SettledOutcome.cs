namespace Portal.Features.Integrity.Detection;

/// <summary>A logged decision as the detectors read it once its reward wait has passed: what was served to whom, and how its reward came.</summary>
public sealed record SettledOutcome(
    long Seq,
    DateTimeOffset CreatedAt,
    string RequestJson,
    string ChosenActionId,
    double? Reward,
    int RewardCount,
    DateTimeOffset? RewardedAt,
    string? RewardSource);
