using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// Posts of "Was this explanation clear?": <c>AnswersPerMinutePerAddress</c> per client address, chained with the global
/// limit. A refused post gets 429 with Retry-After and a page that says how long to wait; nothing is stored.
/// </summary>
public sealed class AnswerPostLimit(IOptions<PublicPagesOptions> options, AnswerGlobalLimit global, WindowLimiters limiters) : IRateLimiterPolicy<string>
{
    public const string Policy = "why-answer";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = PublicFormRateLimiting.RetryAfterSeconds(context);
        await PublicMessageResponse.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Please wait a moment",
            $"We have received many answers from your network in a short time. Please wait {seconds} seconds, then send your answer again. Nothing was saved.",
            ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limits = options.Value;
        return PublicFormRateLimiting.PerAddress(httpContext, address =>
            limiters.PerMinuteAndGlobal(Policy, address, limits.AnswersPerMinutePerAddress, limits.AnswersPerMinute, global.Limiter));
    }
}
