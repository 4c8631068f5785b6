using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Security;

namespace Portal.Features.PublicPages;

/// <summary>
/// The "Why this suggestion?" page: <c>ViewsPerMinutePerAddress</c> per client address. Every view counts (it has no
/// form), including wrong links, so guessing links is slow as well as hopeless. A refused view gets 429, Retry-After
/// and a short page in words.
/// </summary>
public sealed class WhyPageRateLimit(IOptions<PublicPagesOptions> options, WindowLimiters limiters) : IRateLimiterPolicy<string>
{
    public const string Policy = "why-page";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Please wait a moment</title></head>
            <body><h1>Please wait a moment</h1><p>We received many requests from your network in a short time. Please try again in {seconds} seconds.</p></body></html>
            """, ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        PublicFormRateLimiting.PerAddress(httpContext, address => limiters.PerMinute(Policy, address, options.Value.ViewsPerMinutePerAddress));
}
