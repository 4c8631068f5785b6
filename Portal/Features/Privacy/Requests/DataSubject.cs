using System.Text.RegularExpressions;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The person a data-subject request is about: the application's user id exactly as given and its keyed hash, and/or
/// a contact email address (lower case) and its keyed hash; where the id stands in a context
/// (<see cref="PrivacyOptions.UserIdFeature"/> as SQLite's JSON path). At least one of the two is given. Holders that
/// find data by the user id alone find nothing for a subject known only by the address.
/// </summary>
public sealed partial record DataSubject(string? UserId, string? UserHash, string? ContactEmail, string? ContactHash, string JsonPath)
{
    /// <summary>How the audit log, the API and the export's file name name the person: the id's keyed hash, else the address's.</summary>
    public string Key => UserHash ?? ContactHash ?? throw new InvalidOperationException("A subject has a user id or a contact email address.");

    /// <summary>Whether the id reads as a JSON number, so that a context may carry it as one (<c>"_userId": 42</c>).</summary>
    public bool IsNumber => UserId is not null && JsonNumber().IsMatch(UserId);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
