using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Security;

/// <summary>Limits on public forms per client address (<c>Portal:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Portal:RateLimits";

    /// <summary>Login attempts (form posts) per IP address and minute; lockout per account comes on top.</summary>
    [Range(1, 100_000, ErrorMessage = "Portal:RateLimits:LoginPostsPerMinute must be between 1 and 100000.")]
    public int LoginPostsPerMinute { get; set; } = 10;
}
