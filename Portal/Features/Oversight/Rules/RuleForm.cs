using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Oversight.Rules;

/// <summary>The new-rule dialog's editable state, checked field by field so each message shows next to its field.</summary>
public sealed class RuleForm
{
    public static readonly (string Label, TimeSpan? After)[] Expiries =
        [("In 1 day", TimeSpan.FromDays(1)), ("In 7 days", TimeSpan.FromDays(7)), ("In 30 days", TimeSpan.FromDays(30)), ("Never", null)];

    public static readonly (string Label, TimeSpan Delay)[] Starts =
        [("Now (once approved)", TimeSpan.Zero), ("In 1 hour", TimeSpan.FromHours(1)), ("In 1 day", TimeSpan.FromDays(1))];

    public string? LoopId { get; set; }
    public string? SegmentKey { get; set; }
    public OverrideKind Kind { get; set; } = OverrideKind.ExcludeActions;
    public string? ForcedAction { get; set; }
    public IReadOnlyCollection<string> ExcludedActions { get; set; } = [];
    public string Reason { get; set; } = "";
    public int Priority { get; set; } = 10;
    public TimeSpan StartsAfter { get; set; } = TimeSpan.Zero;
    public TimeSpan? ExpiresAfter { get; set; } = TimeSpan.FromDays(7);

    public IReadOnlyList<string> ActionIds => Kind switch
    {
        OverrideKind.ForceAction => ForcedAction is null ? [] : [ForcedAction],
        OverrideKind.ExcludeActions => ExcludedActions.ToList(),
        _ => [],
    };

    public string? LoopError => string.IsNullOrEmpty(LoopId) ? "Choose the loop." : null;
    public string? SegmentError => string.IsNullOrEmpty(SegmentKey) ? "Choose the segment the rule applies to." : null;
    public string? ActionsError => Kind switch
    {
        OverrideKind.ForceAction when ForcedAction is null => "Choose the action to serve.",
        OverrideKind.ExcludeActions when ExcludedActions.Count == 0 => "Choose at least one action to exclude.",
        _ => null,
    };
    public string? ReasonError => string.IsNullOrWhiteSpace(Reason) ? "A reason is required." : null;

    public bool IsComplete => LoopError is null && SegmentError is null && ActionsError is null && ReasonError is null;

    public RuleDraft ToDraft(SegmentChoice segment, DateTimeOffset now)
    {
        var start = now + StartsAfter;
        return new RuleDraft(LoopId!, segment.Label, segment.Definition, Kind, ActionIds, Reason, Priority,
            StartsAfter == TimeSpan.Zero ? null : start, ExpiresAfter is { } after ? start + after : null,
            segment.Saved ? long.Parse(segment.Key["saved:".Length..], System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
