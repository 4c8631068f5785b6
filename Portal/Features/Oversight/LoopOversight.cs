using System.Collections.Frozen;
using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Oversight;

/// <summary>An action out of the candidates, as Rank needs to know it.</summary>
public sealed record ActiveFreeze(long Id, string ActionId, string Reason, string FrozenBy, DateTimeOffset FrozenAt, DateTimeOffset? ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}

/// <summary>An approved rule, compiled: its own predicate and the actions it names.</summary>
public sealed record ActiveRule(long Id, OverrideKind Kind, string[] ActionIds, SegmentPredicate Segment, string SegmentName,
    int Priority, DateTimeOffset StartsAt, DateTimeOffset? ExpiresAt)
{
    public bool IsActingAt(DateTimeOffset now) => StartsAt <= now && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>
/// What oversight enforces on one loop right now: immutable, replaced whole after every change, read by every Rank
/// without locks. Rules are ordered as they are tried: highest priority first, then newest. A loop awaiting its go-live
/// review serves the baseline wherever the model would have chosen.
/// </summary>
public sealed record LoopOversight(
    bool KillSwitch,
    string? KillSwitchReason,
    bool ModelFrozen,
    bool RequireRuleApproval,
    FrozenDictionary<string, ActiveFreeze> Frozen,
    IReadOnlyList<ActiveRule> Rules,
    bool AwaitingGoLive = false)
{
    /// <summary>A reviewed loop with nothing else to enforce.</summary>
    public static LoopOversight None { get; } =
        new(false, null, false, true, FrozenDictionary<string, ActiveFreeze>.Empty, []);

    /// <summary>A loop the snapshot knows nothing of: it has no go-live review in force (e.g. created a moment ago).</summary>
    public static LoopOversight AwaitingReview { get; } =
        new(false, null, false, true, FrozenDictionary<string, ActiveFreeze>.Empty, [], AwaitingGoLive: true);

    /// <summary>Nothing to enforce: Rank skips oversight entirely.</summary>
    public bool IsEmpty { get; } = !KillSwitch && !ModelFrozen && Frozen.Count == 0 && Rules.Count == 0 && !AwaitingGoLive;
}
