using System.Collections.Frozen;

namespace Portal.Features.Oversight;

/// <summary>
/// Oversight of every loop at one moment, plus the switch that stops them all. Every loop with a go-live review in force
/// has an entry; a loop without one awaits its review.
/// </summary>
public sealed record OversightSnapshot(
    long Version,
    bool GlobalKillSwitch,
    string? GlobalKillSwitchReason,
    FrozenDictionary<string, LoopOversight> Loops)
{
    public static OversightSnapshot Empty { get; } = new(0, false, null, FrozenDictionary<string, LoopOversight>.Empty);

    public LoopOversight For(string loopId) => Loops.GetValueOrDefault(loopId) ?? LoopOversight.AwaitingReview;
}
