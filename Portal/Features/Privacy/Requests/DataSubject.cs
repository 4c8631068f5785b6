using System.Text.RegularExpressions;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The person a data-subject request is about: the application's user id exactly as given, its keyed hash (what the
/// audit log names instead of the id) and where the id stands in a context (<see cref="PrivacyOptions.UserIdFeature"/>
/// as SQLite's JSON path).
/// </summary>
public sealed partial record DataSubject(string UserId, string UserHash, string JsonPath)
{
    /// <summary>Whether the id reads as a JSON number, so that a context may carry it as one (<c>"_userId": 42</c>).</summary>
    public bool IsNumber => JsonNumber().IsMatch(UserId);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
