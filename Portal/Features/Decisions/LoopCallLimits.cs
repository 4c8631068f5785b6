using System.Collections.Concurrent;
using Portal.Features.Loops;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Decisions;

/// <summary>Which of a loop's calls a limit counts.</summary>
public enum LimitedCall
{
    Rank,

    /// <summary>Reward and Activate: what tells the learner how a decision went.</summary>
    Reward,
}

/// <summary>
/// Per-loop limits on calls per second (the loop's settings; 0: none), so one application key cannot flood the log or
/// drown the learner in scripted rewards. A fixed one-second window per loop and kind, counted with one
/// compare-and-swap: no lock, no allocation on Rank. A window boundary can let up to twice the limit through in one
/// second; for a flood guard that is the price of being free. With Redis configured, a limited loop's calls are counted
/// for all nodes together (one script call per limited call; unlimited loops never ask), and on each node alone while
/// Redis cannot be reached.
/// </summary>
public sealed class LoopCallLimits(TimeProvider clock, SharedWindowCounter? shared = null)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(string LoopId, LimitedCall Call), Window> windows = new();

    /// <summary>True when the call may go ahead: counted for all nodes in Redis when it can be, else on this node.</summary>
    public async ValueTask<bool> TryAcquireAsync(LoopRuntime loop, LimitedCall call)
    {
        var limit = LimitOf(loop, call);
        if (limit <= 0) return true;
        if (shared is { Available: true } && await shared.TryTakeAsync([new SharedWindow($"loop-calls:{loop.Id}:{call}", limit)], Second) is { } wait)
            return wait == TimeSpan.Zero;
        return TryAcquire(loop, call);
    }

    /// <summary>This node's own count: true when the call may go ahead; false when the loop's limit for this second is used up.</summary>
    public bool TryAcquire(LoopRuntime loop, LimitedCall call)
    {
        var limit = LimitOf(loop, call);
        if (limit <= 0) return true;
        var window = windows.GetOrAdd((loop.Id, call), static _ => new Window());
        return window.TryTake(clock.GetUtcNow().ToUnixTimeSeconds(), limit);
    }

    private static int LimitOf(LoopRuntime loop, LimitedCall call) =>
        call == LimitedCall.Rank ? loop.Settings.RankCallsPerSecond : loop.Settings.RewardCallsPerSecond;

    /// <summary>The second and the calls counted in it, packed in one long so that one CAS moves both.</summary>
    private sealed class Window
    {
        private long state;

        public bool TryTake(long second, int limit)
        {
            while (true)
            {
                var current = Volatile.Read(ref state);
                var (at, count) = ((uint)(current >> 32), (int)(current & 0xFFFF_FFFF));
                long next;
                if (at == (uint)second)
                {
                    if (count >= limit) return false;
                    next = current + 1;
                }
                else
                {
                    next = ((long)(uint)second << 32) | 1;
                }
                if (Interlocked.CompareExchange(ref state, next, current) == current) return true;
            }
        }
    }
}
