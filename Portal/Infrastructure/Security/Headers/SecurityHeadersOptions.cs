using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Security.Headers;

/// <summary>
/// The browser security headers that can be tuned (<c>Portal:SecurityHeaders</c>): HSTS sent, and the Origin that the
/// Blazor hub accepts; the rest are fixed.
/// </summary>
public sealed class SecurityHeadersOptions : IValidatableObject
{
    public const string Section = "Portal:SecurityHeaders";

    /// <summary>How long a browser keeps to HTTPS after one HTTPS answer (HSTS); at least a year, as browsers' preload lists ask.</summary>
    [Range(typeof(TimeSpan), "365.00:00:00", "730.00:00:00", ErrorMessage = "Portal:SecurityHeaders:HstsMaxAge must be between 365.00:00:00 and 730.00:00:00.")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether HSTS also covers every subdomain of Portal's host: only when all of them serve HTTPS.</summary>
    public bool HstsIncludeSubDomains { get; set; }

    /// <summary>
    /// Origins besides Portal's own (the scheme, host and port a request reached it at) whose pages may open the Blazor
    /// hub, e.g. the public address behind a TLS-terminating proxy that does not forward the scheme: "https://portal.example.com".
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins.Where(o => !HubOrigin.TryParse(o, out _)))
            yield return new ValidationResult(
                $"Portal:SecurityHeaders:AllowedOrigins has '{origin}', which is not an origin: use scheme, host and port only, like https://portal.example.com or http://localhost:5000.",
                [nameof(AllowedOrigins)]);
    }
}
