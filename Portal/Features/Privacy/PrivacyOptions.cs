using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Privacy;

/// <summary>Where Rank finds who the user is and whether they opted out (<c>Portal:Privacy</c>).</summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "Portal:Privacy";

    /// <summary>
    /// The context feature that carries the application's user id (dotted path). The default starts with '_', a
    /// reserved key the learner never reads, so the id identifies without becoming a feature.
    /// </summary>
    public string UserIdFeature { get; set; } = "_userId";

    /// <summary>A context feature that, set to <c>true</c>, marks one Rank call as opted out (dotted path).</summary>
    public string OptOutFeature { get; set; } = "_optOut";

    /// <summary>Opt-out pages one client address may post per minute (429 with Retry-After beyond).</summary>
    [Range(1, 10_000, ErrorMessage = "Portal:Privacy:OptOutPostsPerMinute must be between 1 and 10000.")]
    public int OptOutPostsPerMinute { get; set; } = 10;

    internal string[] UserIdPath => UserIdFeature.Split('.');
    internal string[] OptOutPath => OptOutFeature.Split('.');

    /// <summary>The user-id path in SQLite's JSON path syntax (<c>$."user"."id"</c>), for finding a person's data in SQL.</summary>
    internal string UserIdJsonPath => "$" + string.Concat(UserIdPath.Select(key => ".\"" + key + "\""));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Problem(UserIdFeature) is { } user) yield return new ValidationResult($"Portal:Privacy:UserIdFeature {user}", [nameof(UserIdFeature)]);
        if (Problem(OptOutFeature) is { } flag) yield return new ValidationResult($"Portal:Privacy:OptOutFeature {flag}", [nameof(OptOutFeature)]);
    }

    private static string? Problem(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "must name a context feature, e.g. _userId or user.id."
        : path.Length > 200 || path.Split('.').Any(part => part.Length == 0) ? $"'{path}' is not a dotted path of at most 200 characters, e.g. user.id."
        // SQLite's JSON paths (data-subject requests search the log with them) cannot quote these.
        : path.Any(c => c is '"' or '\\') ? $"'{path}' contains a quote or a backslash; use plain keys, e.g. user.id."
        : null;
}
