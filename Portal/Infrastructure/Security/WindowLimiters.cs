using System.Threading.RateLimiting;
using Portal.Infrastructure.Cluster;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Makes the limiters of the public pages' partitions: in memory on a single node, counted in Redis for all nodes
/// together when <c>Portal:Redis:Configuration</c> is set (with the in-memory one as the fallback).
/// </summary>
public sealed class WindowLimiters(SharedWindowCounter counter, RedisConnection redis)
{
    /// <summary><paramref name="perMinute"/> requests a minute for one partition (a client address) of a policy.</summary>
    public RateLimiter PerMinute(string policy, string partition, int perMinute)
    {
        var local = MinuteWindow.Limiter(perMinute, autoReplenishment: false);
        return redis.Enabled ? new SharedWindowLimiter(counter, [new($"{policy}:{partition}", perMinute)], MinuteWindow.Length, local) : local;
    }

    /// <summary>The address's limit chained with the policy's global one (<paramref name="localGlobal"/> on this node).</summary>
    public RateLimiter PerMinuteAndGlobal(string policy, string partition, int perMinute, int globalPerMinute, RateLimiter localGlobal)
    {
        var local = SourceAndGlobalLimiter.PerMinute(perMinute, localGlobal);
        return redis.Enabled
            ? new SharedWindowLimiter(counter, [new($"{policy}:{partition}", perMinute), new($"{policy}:*", globalPerMinute)], MinuteWindow.Length, local)
            : local;
    }
}
