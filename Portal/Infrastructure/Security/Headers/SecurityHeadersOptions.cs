using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Security.Headers;

/// <summary>The browser security headers that can be tuned (<c>Portal:SecurityHeaders</c>); the rest are fixed.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "Portal:SecurityHeaders";

    /// <summary>How long a browser keeps to HTTPS after one HTTPS answer (HSTS); at least a year, as browsers' preload lists ask.</summary>
    [Range(typeof(TimeSpan), "365.00:00:00", "730.00:00:00", ErrorMessage = "Portal:SecurityHeaders:HstsMaxAge must be between 365.00:00:00 and 730.00:00:00.")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether HSTS also covers every subdomain of Portal's host: only when all of them serve HTTPS.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
