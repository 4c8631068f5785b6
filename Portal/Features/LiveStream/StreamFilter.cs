using System.Text.Json;
using Portal.Features.Segments;

namespace Portal.Features.LiveStream;

/// <summary>What the person watching wants to see; every part is optional.</summary>
public sealed record StreamFilter(
    string? LoopId = null,
    SegmentChoice? Segment = null,
    string? ActionId = null,
    bool? Explored = null,
    bool? Overridden = null)
{
    public static StreamFilter All { get; } = new();

    public bool Admits(string loopId, string chosenActionId, bool explored, bool overridden, IReadOnlyList<JsonElement> context) =>
        (LoopId is null || LoopId == loopId)
        && (string.IsNullOrWhiteSpace(ActionId) || chosenActionId.Contains(ActionId.Trim(), StringComparison.OrdinalIgnoreCase))
        && (Explored is null || Explored == explored)
        && (Overridden is null || Overridden == overridden)
        && (Segment is null || Segment.Predicate.Matches(context));
}
