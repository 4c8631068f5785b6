namespace Portal.Features.Accounts;

/// <summary>
/// Where a login, a two-factor step or a logout may send the browser back to: a path on Portal itself. Anything else
/// (another site, "//evil.com", "/\evil.com", "javascript:", a path with control characters that browsers strip into
/// "//") goes to the home page instead, so a crafted link cannot use Portal's login to send a user elsewhere.
/// The value is judged as received, after the one URL decoding of the query: an encoded "%2F%2F" is not a path.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    public static string OrHome(string? url) => IsLocal(url) ? url! : Home;

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length > 1 && url[1] is '/' or '\\') return false;
        return !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }
}
