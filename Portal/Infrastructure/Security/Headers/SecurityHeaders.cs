using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Security.Headers;

/// <summary>
/// Adds the security headers to every answer: pages, public pages, APIs, static files, error pages. Written when the
/// answer starts, so the exception handler's reset of the headers cannot drop them. They replace the weaker defaults of
/// the framework (Blazor's "frame-ancestors 'self'", antiforgery's "X-Frame-Options: SAMEORIGIN"); only Referrer-Policy
/// yields to a page that set its own, so a page whose address is a secret keeps "no-referrer".
/// </summary>
public static class SecurityHeaders
{
    public const string DefaultReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Nothing in Portal uses these browser features; passkeys need WebAuthn on Portal's own origin.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), " +
        "payment=(), usb=(), publickey-credentials-create=(self), publickey-credentials-get=(self)";

    /// <summary>Scalar's API browser (Development only) starts itself with an inline module script, so it goes without a CSP.</summary>
    private static readonly PathString ScalarPath = "/scalar";

    // Static callbacks with the context as their state: registering them allocates no closure per request.
    private static readonly Func<object, Task> Write = http => WriteHeaders((HttpContext)http, exemptApiBrowser: false);
    private static readonly Func<object, Task> WriteExemptingApiBrowser = http => WriteHeaders((HttpContext)http, exemptApiBrowser: true);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool exemptApiBrowser)
    {
        var write = exemptApiBrowser ? WriteExemptingApiBrowser : Write;
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(write, http);
            return next(http);
        });
    }

    private static Task WriteHeaders(HttpContext http, bool exemptApiBrowser)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Permissions-Policy"] = PermissionsPolicy;
        // For browsers that predate CSP's frame-ancestors.
        headers.XFrameOptions = "DENY";
        headers.TryAdd("Referrer-Policy", DefaultReferrerPolicy);
        if (ApiRoutes.IsApi(http.Request.Path)) headers.ContentSecurityPolicy = ContentSecurityPolicy.ForApi;
        else if (exemptApiBrowser && http.Request.Path.StartsWithSegments(ScalarPath)) headers.Remove("Content-Security-Policy");
        else headers.ContentSecurityPolicy = ContentSecurityPolicy.ForPage(CspNonce.For(http));
        return Task.CompletedTask;
    }
}
