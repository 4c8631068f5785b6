using System.Threading.RateLimiting;

namespace Portal.Infrastructure.Security;

/// <summary>
/// One client address's limit chained with the shared global one: a post passes only when both allow it. Replenished
/// by the rate-limiting middleware's timer through the address's window (no timer per address); the global limiter
/// replenishes itself. Window leases hold nothing, so the lease returned stands for both.
/// </summary>
public sealed class SourceAndGlobalLimiter(FixedWindowRateLimiter perSource, RateLimiter global) : ReplenishingRateLimiter
{
    /// <summary>A one-minute window of <paramref name="perMinute"/> posts for one address, chained with <paramref name="global"/>.</summary>
    public static SourceAndGlobalLimiter PerMinute(int perMinute, RateLimiter global) =>
        new(MinuteWindow.Limiter(perMinute, autoReplenishment: false), global);

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => perSource.ReplenishmentPeriod;

    public override bool TryReplenish() => perSource.TryReplenish();

    public override TimeSpan? IdleDuration => perSource.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => perSource.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var source = perSource.AttemptAcquire(permitCount);
        if (!source.IsAcquired) return source;
        source.Dispose();
        return global.AttemptAcquire(permitCount);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing) perSource.Dispose();
        base.Dispose(disposing);
    }
}
