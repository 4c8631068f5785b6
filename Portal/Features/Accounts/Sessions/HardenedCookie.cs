namespace Portal.Features.Accounts.Sessions;

/// <summary>
/// The flags of Portal's own cookies. Outside Development they are Secure and named <c>__Host-…</c>, which browsers
/// accept only from HTTPS (or localhost), for path "/" and without a Domain, so no subdomain can set or read them.
/// Development may run on plain HTTP, where a Secure or <c>__Host-</c> cookie would be dropped: there the prefix and the
/// Secure flag follow the request.
/// </summary>
public static class HardenedCookie
{
    public const string HostPrefix = "__Host-";

    public static void Apply(CookieBuilder cookie, string name, bool secure, SameSiteMode sameSite = SameSiteMode.Strict)
    {
        cookie.Name = secure ? HostPrefix + name : name;
        cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
    }
}
