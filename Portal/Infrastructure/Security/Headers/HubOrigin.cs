using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security.Headers;

/// <summary>
/// Refuses (403) requests to the Blazor hub (<c>/_blazor</c>: negotiate, the WebSocket upgrade, the other transports)
/// that carry an Origin other than Portal's own or one in <see cref="SecurityHeadersOptions.AllowedOrigins"/>.
/// WebSockets are not bound by the same-origin policy or CORS: without this a page on another site could open a
/// circuit in the user's browser with the user's cookies (cross-site WebSocket hijacking, ASVS 5.0 4.4.2).
/// </summary>
public static class HubOrigin
{
    public static readonly PathString HubPath = "/_blazor";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubOrigin));
        // Not an async lambda: a request that passes goes straight on, without a state machine of its own.
        return app.Use((http, next) =>
        {
            // The settings are read per request, not here: they are validated when the host starts, after the pipeline is built.
            if (!http.Request.Path.StartsWithSegments(HubPath)
                || IsAllowed(http.Request, http.RequestServices.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value.AllowedOrigins))
            {
                return next(http);
            }
            logger.LogWarning("Refused a Blazor hub request from the foreign origin {Origin}", http.Request.Headers.Origin.ToString());
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            // A body of its own, so the status-code pages do not turn the refusal into the HTML not-found page.
            return http.Response.WriteAsync("Forbidden: requests to the Blazor hub must come from Portal's own origin.");
        });
    }

    /// <summary>
    /// A request without an Origin passes. Browsers send one on every WebSocket handshake and on the negotiate POST, so its absence means
    /// a client that is not a page in a browser. Such a client cannot ride a user's cookies (the attack this check stops)
    /// and could send any Origin it likes: refusing it would buy nothing (OWASP: Origin is a CSRF defence, not authentication).
    /// "null" (sandboxed frames, file: pages) and more than one value are refused.
    /// </summary>
    public static bool IsAllowed(HttpRequest request, IEnumerable<string> allowed)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0) return true;
        if (origins.Count > 1 || !TryParse(origins[0], out var origin)) return false;
        var key = Key(origin);
        var isOwn = request.Host.HasValue && TryParse($"{request.Scheme}://{request.Host.Value}", out var own) && Key(own) == key;
        return isOwn || allowed.Any(a => TryParse(a, out var listed) && Key(listed) == key);
    }

    /// <summary>An origin is an http(s) scheme, a host and an optional port: no path, query, fragment or user.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? origin)
    {
        origin = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return false;
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/" || text!.TrimEnd('/').EndsWith(':')) return false;
        origin = uri;
        return true;
    }

    /// <summary>Scheme, host and port, the default port written out: "https://example.com" and "https://EXAMPLE.com:443" are one origin.</summary>
    private static string Key(Uri origin) => $"{origin.Scheme}://{origin.IdnHost.ToLowerInvariant()}:{origin.Port}";
}
