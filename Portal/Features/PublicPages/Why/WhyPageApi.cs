using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// <c>GET /why/{token}</c>: the "Why this suggestion?" page, for anyone holding the link (no login), rate limited per
/// address. A wrong, expired or forgotten link gets 404 and the same plain page, whatever the cause.
/// </summary>
public static class WhyPageApi
{
    public static IEndpointRouteBuilder MapWhyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(WhyLinks.PathPrefix + "{token}", Why).WithName("WhyThisSuggestion")
            .AllowAnonymous()
            .RequireRateLimiting(WhyPageRateLimit.Policy)
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<RazorComponentResult<WhyDocument>> Why(string token, HttpContext http, WhyExplanations explanations, CancellationToken ct)
    {
        var why = await explanations.ForTokenAsync(token, ct);
        // The link is a secret: keep it out of caches, search engines and the Referer of the links on the page.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return new RazorComponentResult<WhyDocument>(new Dictionary<string, object?>
        {
            [nameof(WhyDocument.Why)] = why,
            [nameof(WhyDocument.Token)] = token,
        })
        {
            StatusCode = why is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }
}
