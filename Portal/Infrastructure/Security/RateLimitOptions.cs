using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Security;

/// <summary>Limits on public forms per client address (<c>Portal:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    /// <summary>Login attempts (form posts) per IP address and minute; lockout per account comes on top.</summary>
    [Range(1, 100_000, ErrorMessage = "Portal:RateLimits:LoginPostsPerMinute must be between 1 and 100000.")]
    public int LoginPostsPerMinute { get; set; } = 10;

    /// <summary>Feedback form posts per IP address and minute.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Portal:RateLimits:FeedbackPostsPerMinute must be between 1 and 1000000.")]
    public int FeedbackPostsPerMinute { get; set; } = 5;

    /// <summary>Feedback form posts per minute from all addresses together: a flood from many addresses stops here.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:RateLimits:FeedbackPostsPerMinuteGlobal must be between 1 and 10000000.")]
    public int FeedbackPostsPerMinuteGlobal { get; set; } = 120;

    /// <summary>Views of a feedback status page (a link sent to its sender) per IP address and minute, wrong links included.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Portal:RateLimits:StatusPageViewsPerMinute must be between 1 and 1000000.")]
    public int StatusPageViewsPerMinute { get; set; } = 60;
}
