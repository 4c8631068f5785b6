using Portal.Features.Oversight.Rules;

namespace Portal.Features.Oversight.Api;

public sealed record FrozenActionResponse(string ActionId, string Reason, string FrozenBy, DateTimeOffset FrozenAt, DateTimeOffset? ExpiresAt);

public sealed record LoopControlResponse(
    string Id,
    string Name,
    ServingMode Mode,
    bool KillSwitch,
    string? KillSwitchReason,
    bool RequireRuleApproval,
    IReadOnlyList<FrozenActionResponse> Frozen);

public sealed record GlobalKillSwitchResponse(bool On, string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt);

public sealed record RuleResponse(
    long Id,
    string LoopId,
    string Segment,
    Segments.SegmentDefinition Definition,
    Data.Entities.OverrideKind Kind,
    IReadOnlyList<string> ActionIds,
    string Reason,
    int Priority,
    DateTimeOffset StartsAt,
    DateTimeOffset? ExpiresAt,
    RuleState State,
    string Author,
    string? Reviewer,
    string? ReviewNote)
{
    public static RuleResponse From(RuleView r) => new(r.Id, r.LoopId, r.SegmentName, Segments.SegmentJson.ReadStored(r.SegmentJson), r.Kind,
        r.ActionIds, r.Reason, r.Priority, r.StartsAt, r.ExpiresAt, r.State, r.AuthorName, r.ReviewerName, r.ReviewNote);
}

public sealed record FlagResponse(string LoopId, string EventId, bool AlreadyLearned);
