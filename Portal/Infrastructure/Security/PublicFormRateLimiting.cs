using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Rate limits for the public (no login) forms, per client IP address. Pages opt in with
/// <c>[EnableRateLimiting(PublicFormRateLimiting.Login)]</c> or <c>(…Feedback)</c>; only form posts count, reading the
/// page is free. The feedback status page (<c>…StatusPage</c>) counts every view. Every refusal is 429 with Retry-After.
/// </summary>
public static class PublicFormRateLimiting
{
    public const string Login = "login-form";
    public const string Feedback = "feedback-form";

    /// <summary>The feedback status page: every view counts (it has no form), wrong links included.</summary>
    public const string StatusPage = "status-page";

    public static IHostApplicationBuilder AddPublicFormRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddSingleton<FeedbackGlobalLimit>();
        builder.Services.AddSingleton<Cluster.SharedWindowCounter>();
        builder.Services.AddSingleton<WindowLimiters>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The login form's answer (the feedback form has its own page, see FeedbackPostPolicy).
            limiter.OnRejected = async (context, ct) =>
            {
                var seconds = RetryAfterSeconds(context);
                // A body of its own: an empty one would be replaced by the not-found page.
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"Too many attempts from your address. Please wait {seconds} seconds and try again.", ct);
            };
            limiter.AddPolicy(Login, http => PostsPerAddress(http, Login, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.LoginPostsPerMinute));
            limiter.AddPolicy<string, FeedbackPostPolicy>(Feedback);
            limiter.AddPolicy(StatusPage, http => PerAddress(http, address => http.RequestServices.GetRequiredService<WindowLimiters>()
                .PerMinute(StatusPage, address, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.StatusPageViewsPerMinute)));
        });
        return builder;
    }

    /// <summary>
    /// A one-minute window per client address that counts only posts: reading the page is free. Shared by every node
    /// when Redis is configured (<see cref="WindowLimiters"/>).
    /// </summary>
    public static RateLimitPartition<string> PostsPerAddress(HttpContext http, string policy, int perMinute) =>
        !HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : PerAddress(http, address => http.RequestServices.GetRequiredService<WindowLimiters>().PerMinute(policy, address, perMinute));

    /// <summary>A partition per client address, its limiter made by <paramref name="limiter"/> from the address.</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext http, Func<string, RateLimiter> limiter) =>
        RateLimitPartition.Get(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", limiter);

    /// <summary>Sets the Retry-After header from the refused lease (a minute when it does not say) and returns the seconds.</summary>
    public static int RetryAfterSeconds(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
