using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Portal.Features.Comprehension;
using Portal.Infrastructure.Web;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// <c>GET /why/{token}</c>: the "Why this suggestion?" page, for anyone holding the link (no login), rate limited per
/// address. A wrong, expired or forgotten link gets 404 and the same plain page, whatever the cause.
/// <c>POST /why/{token}</c>: the answer to "Was this explanation clear?" (a form with antiforgery, rate limited), the
/// page again with the thank-you, or with the problems beside their fields (400) and nothing stored.
/// </summary>
public static class WhyPageApi
{
    /// <summary>A comment of 1,000 characters of any script, multipart-encoded, with room to spare for a field error instead of 413.</summary>
    public const int MaxAnswerBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapWhyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(WhyLinks.PathPrefix + "{token}", Why).WithName("WhyThisSuggestion")
            .AllowAnonymous()
            .RequireRateLimiting(WhyPageRateLimit.Policy)
            .ExcludeFromDescription();
        app.MapPost(WhyLinks.PathPrefix + "{token}", Answer).WithName("AnswerWhyClarity")
            .AllowAnonymous()
            .RequireRateLimiting(AnswerPostLimit.Policy)
            .WithMetadata(new PublicFormAttribute(MaxAnswerBodyBytes))
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<RazorComponentResult<WhyDocument>> Why(string token, HttpContext http, WhyExplanations explanations,
        ComprehensionAnswers answers, IOptions<AntiforgeryOptions> antiforgery, CancellationToken ct)
    {
        var why = await explanations.ForTokenAsync(token, ct);
        // Outside Development the antiforgery cookie is Secure: over plain HTTP the form could not be posted (nor its token made).
        var canPost = http.Request.IsHttps || antiforgery.Value.Cookie.SecurePolicy != CookieSecurePolicy.Always;
        var subject = why is null || !canPost ? null : await answers.SubjectAsync(token, ct);
        return Page(http, token, why, subject is null ? null : new ClarityState(subject), why is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    public static async Task<RazorComponentResult<WhyDocument>> Answer(string token, [FromForm(Name = "clear")] string? clear,
        [FromForm(Name = "comment")] string? comment, HttpContext http, WhyExplanations explanations, ComprehensionAnswers answers, CancellationToken ct)
    {
        var why = await explanations.ForTokenAsync(token, ct);
        if (why is null || await answers.SubjectAsync(token, ct) is not { } subject) return Page(http, token, null, null, StatusCodes.Status404NotFound);
        var form = new AnswerForm(clear, comment);
        if (!subject.Asked) return Page(http, token, why, new ClarityState(subject, form), StatusCodes.Status409Conflict);
        if (!form.IsValid) return Page(http, token, why, new ClarityState(subject, form), StatusCodes.Status400BadRequest);
        var answeredAt = await answers.RecordAsync(subject, form, ct);
        return Page(http, token, why, new ClarityState(subject with { AnsweredAt = answeredAt }, form, Saved: true), StatusCodes.Status200OK);
    }

    private static RazorComponentResult<WhyDocument> Page(HttpContext http, string token, WhyExplanation? why, ClarityState? clarity, int status)
    {
        // The link is a secret: keep it out of caches, search engines and the Referer of the links on the page.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return new RazorComponentResult<WhyDocument>(new Dictionary<string, object?>
        {
            [nameof(WhyDocument.Why)] = why,
            [nameof(WhyDocument.Token)] = token,
            [nameof(WhyDocument.Clarity)] = clarity,
        })
        {
            StatusCode = status,
        };
    }
}
