namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Who a data-subject request is about, as the administrator names them: the application's user id, the contact email
/// address they gave on a feedback form, or both (a person who wrote in without being signed in is known only by the
/// address).
/// </summary>
public readonly record struct SubjectQuery(string? UserId, string? ContactEmail)
{
    public const int MaxEmailLength = 254;

    public static SubjectQuery ByUserId(string userId) => new(userId, null);

    public static SubjectQuery ByContactEmail(string contactEmail) => new(null, contactEmail);

    /// <summary>The id, or null when none was given (blank counts as none).</summary>
    public string? GivenUserId => string.IsNullOrEmpty(UserId) ? null : UserId;

    /// <summary>The address as tickets are matched: trimmed and in lower case; null when none was given.</summary>
    public string? NormalizedEmail => string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim().ToLowerInvariant();

    /// <summary>Why the query cannot be used, or null; the field it is about is named in the sentence.</summary>
    public string? Problem() =>
        GivenUserId is null && NormalizedEmail is null ? "Enter a user id, a contact email address, or both."
        : GivenUserId is { } id && UserIds.Problem(id) is { } idProblem ? idProblem
        : EmailProblem(ContactEmail);

    /// <summary>Why an address cannot be looked up, or null (none given is fine): one '@' with text on both sides, no spaces.</summary>
    public static string? EmailProblem(string? contactEmail)
    {
        if (string.IsNullOrWhiteSpace(contactEmail)) return null;
        var email = contactEmail.Trim();
        var at = email.IndexOf('@');
        return email.Length > MaxEmailLength ? $"contactEmail is longer than {MaxEmailLength} characters."
            : at <= 0 || at == email.Length - 1 || email.IndexOf('@', at + 1) >= 0 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                ? "contactEmail is not an email address (name@example.org)."
            : null;
    }
}
