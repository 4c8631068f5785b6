using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Security;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// The one limit all answers to "Was this explanation clear?" share, whatever their address (<c>AnswersPerMinute</c>).
/// A singleton, so that its timer is disposed with the app.
/// </summary>
public sealed class AnswerGlobalLimit(IOptions<PublicPagesOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = MinuteWindow.Limiter(options.Value.AnswersPerMinute, autoReplenishment: true);

    public void Dispose() => Limiter.Dispose();
}
