namespace Portal.Infrastructure.Security.Headers;

/// <summary>The Content-Security-Policy of Portal's answers.</summary>
public static class ContentSecurityPolicy
{
    /// <summary>
    /// Pages (portal, public pages, Identity pages). Scripts: only Portal's own files, plus the import map by nonce.
    /// Styles need 'unsafe-inline': MudBlazor writes style attributes and its theme's &lt;style&gt; element on every
    /// render, and attributes cannot carry a nonce. base-uri is 'self', not 'none': Blazor needs &lt;base href="/"&gt;
    /// to resolve its relative asset and navigation addresses on nested routes. Bootstrap's CSS draws icons as data: images.
    /// </summary>
    public static string ForPage(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Machine routes answer JSON or CSV that no browser should render or run anything from.</summary>
    public const string ForApi = "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
