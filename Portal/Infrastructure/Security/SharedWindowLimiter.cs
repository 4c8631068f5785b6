using System.Diagnostics;
using System.Threading.RateLimiting;
using Portal.Infrastructure.Cluster;

namespace Portal.Infrastructure.Security;

/// <summary>
/// A rate limit counted for all nodes together in Redis (<see cref="SharedWindowCounter"/>), with the node's own
/// in-memory limiter as the fallback while Redis cannot be reached: the limit then holds per node (at most nodes ×
/// limit in all), and no visitor is refused because Redis is down. The synchronous attempt answers "not yet" so that
/// ASP.NET's middleware asks again asynchronously, where Redis is called.
/// </summary>
public sealed class SharedWindowLimiter(SharedWindowCounter counter, SharedWindow[] windows, TimeSpan window, ReplenishingRateLimiter local)
    : ReplenishingRateLimiter
{
    private static readonly WindowLease NotYet = new(false, null);
    private long lastUsed = Stopwatch.GetTimestamp();

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => local.ReplenishmentPeriod;

    public override bool TryReplenish() => local.TryReplenish();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount == 0) return WindowLease.Granted;
        return counter.Available ? NotYet : Local(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0) return WindowLease.Granted;
        var wait = await counter.TryTakeAsync(windows, window);
        if (wait is null) return Local(permitCount);
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        return wait == TimeSpan.Zero ? WindowLease.Granted : new WindowLease(false, wait);
    }

    private RateLimitLease Local(int permitCount)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        return local.AttemptAcquire(permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) local.Dispose();
        base.Dispose(disposing);
    }
}
