using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The one limit that all feedback posts share, whatever their address (<c>FeedbackPostsPerMinuteGlobal</c>):
/// a flood spread over many addresses stops here. A singleton, so that its timer is disposed with the app.
/// </summary>
public sealed class FeedbackGlobalLimit(IOptions<RateLimitOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = MinuteWindow.Limiter(options.Value.FeedbackPostsPerMinuteGlobal, autoReplenishment: true);

    public void Dispose() => Limiter.Dispose();
}
