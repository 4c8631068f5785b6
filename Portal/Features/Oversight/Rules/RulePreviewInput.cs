using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Oversight.Rules;

/// <summary>
/// What the new-rule dialog previews: equal (by value, actions in order) when the choices are unchanged, so the
/// reward preview runs again only when the loop, segment, kind or actions change.
/// </summary>
public sealed record RulePreviewInput(string LoopId, string SegmentKey, SegmentDefinition Segment, OverrideKind Kind, IReadOnlyList<string> ActionIds)
{
    public bool Equals(RulePreviewInput? other) =>
        other is not null && LoopId == other.LoopId && SegmentKey == other.SegmentKey && Kind == other.Kind && ActionIds.SequenceEqual(other.ActionIds);

    public override int GetHashCode() => HashCode.Combine(LoopId, SegmentKey, Kind, string.Join('\u001f', ActionIds));
}
