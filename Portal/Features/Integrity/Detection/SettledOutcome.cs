namespace Portal.Features.Integrity.Detection;

/// <summary>
/// A logged decision as the detectors read it once its reward wait has passed: what was served in which context (the
/// context's categorical values, <c>LoggedContext.Categories</c>), and how its reward came.
/// </summary>
public sealed record SettledOutcome(
    long Seq,
    DateTimeOffset CreatedAt,
    IReadOnlyList<(string Feature, string Value)> ContextValues,
    string ChosenActionId,
    double? Reward,
    int RewardCount,
    DateTimeOffset? RewardedAt,
    string? RewardSource);
