using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Accounts.Sessions;

/// <summary>How long a portal login lasts (<c>Portal:Sessions</c>).</summary>
public sealed class SessionOptions : IValidatableObject
{
    public const string Section = "Portal:Sessions";

    /// <summary>A login that sends no request for this long ends (sliding: each request past half of it renews the cookie).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Portal:Sessions:IdleTimeout must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A login ends this long after it began, however busy it is.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Portal:Sessions:AbsoluteLifetime must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often an open page (its Blazor circuit) checks that its user is still signed in, unlocked and unchanged (the
    /// security stamp); a logged-out, locked or demoted user's page goes to the login within this time. At most a minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Portal:Sessions:RevalidationInterval must be between 00:00:01 and 00:01:00.")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AbsoluteLifetime < IdleTimeout)
            yield return new ValidationResult("Portal:Sessions:AbsoluteLifetime must not be shorter than Portal:Sessions:IdleTimeout.", [nameof(AbsoluteLifetime)]);
    }
}
