using System.Threading.RateLimiting;

namespace Portal.Infrastructure.Security;

/// <summary>The in-memory fixed window every per-minute limit of Portal uses: <c>permits</c> a minute, no queue.</summary>
public static class MinuteWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    /// <param name="autoReplenishment">True for a shared (global) limiter with its own timer; false for a partition's,
    /// which the rate-limiting middleware replenishes.</param>
    public static FixedWindowRateLimiter Limiter(int permits, bool autoReplenishment) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = Length,
        QueueLimit = 0,
        AutoReplenishment = autoReplenishment,
    });
}
