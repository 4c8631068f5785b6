using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Oversight;

/// <summary>A rule as its author writes it; see <see cref="OverrideRule"/> for the meaning of each part.</summary>
public sealed record RuleDraft(
    string LoopId,
    string SegmentName,
    SegmentDefinition Segment,
    OverrideKind Kind,
    IReadOnlyList<string> ActionIds,
    string? Reason,
    int Priority = 0,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? ExpiresAt = null,
    long? SegmentId = null)
{
    public const int MaxPriority = 1000;
    public const int MaxActions = 50;
}
