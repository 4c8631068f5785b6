using Portal.Features.Segments;

namespace Portal.Features.Oversight.Api;

public sealed record FreezeRequest(string? Reason, DateTimeOffset? ExpiresAt);

public sealed record ReasonRequest(string? Reason);

public sealed record KillSwitchRequest(bool? On, string? Reason);

public sealed record ModeRequest(ServingMode? Mode, string? Reason);

public sealed record NoteRequest(string? Note);

/// <summary>A rule's segment: a saved one by id, or a name and a definition.</summary>
public sealed record RuleSegmentRequest(long? SegmentId, string? Name, SegmentDefinition? Definition);

public sealed record RuleRequest(
    string? LoopId,
    RuleSegmentRequest? Segment,
    Data.Entities.OverrideKind? Kind,
    IReadOnlyList<string>? ActionIds,
    string? Reason,
    int? Priority,
    DateTimeOffset? StartsAt,
    DateTimeOffset? ExpiresAt);
