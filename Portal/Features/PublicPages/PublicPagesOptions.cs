using System.ComponentModel.DataAnnotations;

namespace Portal.Features.PublicPages;

/// <summary>The public pages end users open from links (<c>Portal:PublicPages</c>).</summary>
public sealed class PublicPagesOptions : IValidatableObject
{
    public const string Section = "Portal:PublicPages";

    /// <summary>
    /// The address end users reach Portal at (e.g. <c>https://suggestions.example.com</c>), for the links Rank returns.
    /// Empty: the scheme and host of each Rank request, which is right unless a proxy changes them.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a "Why this suggestion?" link keeps working.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00", ErrorMessage = "Portal:PublicPages:WhyLinkLifetime must be between 01:00:00 and 366.00:00:00.")]
    public TimeSpan WhyLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>"Why this suggestion?" pages one client address may open per minute (429 with Retry-After beyond).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:PublicPages:ViewsPerMinutePerAddress must be between 1 and 10000000.")]
    public int ViewsPerMinutePerAddress { get; set; } = 60;

    /// <summary>Answers to "Was this explanation clear?" one client address may post per minute (429 with Retry-After beyond).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Portal:PublicPages:AnswersPerMinutePerAddress must be between 1 and 1000000.")]
    public int AnswersPerMinutePerAddress { get; set; } = 10;

    /// <summary>Answers per minute from all addresses together: a flood spread over many addresses stops here.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Portal:PublicPages:AnswersPerMinute must be between 1 and 10000000.")]
    public int AnswersPerMinute { get; set; } = 300;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(BaseUrl)) yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            yield return new ValidationResult("Portal:PublicPages:BaseUrl must be empty or an absolute http(s) address without a query, e.g. https://suggestions.example.com.",
                [nameof(BaseUrl)]);
    }
}
