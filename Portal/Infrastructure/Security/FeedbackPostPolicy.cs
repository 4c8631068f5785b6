using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Feedback form posts: <c>FeedbackPostsPerMinute</c> per client address, chained with the global limit. Reading the
/// form is free. A refused post gets 429 with Retry-After and a friendly page that says how long to wait.
/// </summary>
public sealed class FeedbackPostPolicy(IOptions<RateLimitOptions> options, FeedbackGlobalLimit global, WindowLimiters limiters) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = PublicFormRateLimiting.RetryAfterSeconds(context);
        await PublicMessageResponse.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
            "Please wait a moment",
            $"We have received several messages from your network in a short time. Please wait {seconds} seconds, then send your feedback again. Nothing you wrote was saved.",
            ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var limits = options.Value;
        return PublicFormRateLimiting.PerAddress(httpContext, address =>
            limiters.PerMinuteAndGlobal(PublicFormRateLimiting.Feedback, address, limits.FeedbackPostsPerMinute, limits.FeedbackPostsPerMinuteGlobal, global.Limiter));
    }
}
