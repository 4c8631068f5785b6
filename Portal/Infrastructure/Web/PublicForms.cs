using Microsoft.AspNetCore.Antiforgery;

namespace Portal.Infrastructure.Web;

/// <summary>
/// The guards of <see cref="PublicFormAttribute"/> pages, identical on Kestrel and the test server.
/// <see cref="UsePublicFormBodyLimit"/> must run before antiforgery, which reads the form and would turn an oversized
/// body into 400 "invalid token"; <see cref="UsePublicFormForgeryAnswer"/> runs after it and answers a failed check
/// with a page instead of the framework's developer sentence.
/// </summary>
public static class PublicForms
{
    // Requests that post no public form go straight on (not through an async method: no state machine per request).
    public static IApplicationBuilder UsePublicFormBodyLimit(this IApplicationBuilder app) =>
        app.Use((http, next) => PostedForm(http) is { } form ? LimitBodyAsync(http, next, form) : next(http));

    public static IApplicationBuilder UsePublicFormForgeryAnswer(this IApplicationBuilder app) =>
        app.Use((http, next) => PostedForm(http) is not null ? AnswerForgeryAsync(http, next) : next(http));

    private static async Task LimitBodyAsync(HttpContext http, RequestDelegate next, PublicFormAttribute form)
    {
        var limit = form.MaxBodyBytes;
        if (http.Request.ContentLength > limit || (http.Request.ContentLength is null && !await BufferWithinAsync(http, limit)))
        {
            await PublicMessageResponse.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Your message is too long to send",
                $"This form accepts at most {limit / 1024} KB. Please shorten what you wrote and send it again. Nothing you wrote was saved.",
                http.RequestAborted);
            return;
        }
        await next(http);
    }

    private static async Task AnswerForgeryAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            await PublicMessageResponse.WriteAsync(http, StatusCodes.Status400BadRequest, "Please send the form again",
                "We could not accept this form: it was not opened from this site, or it was open for too long. Nothing you wrote was saved. Go back, reload the page and send it again.",
                http.RequestAborted);
            return;
        }
        await next(http);
    }

    private static PublicFormAttribute? PostedForm(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) ? http.GetEndpoint()?.Metadata.GetMetadata<PublicFormAttribute>() : null;

    /// <summary>Reads a body of unknown length (chunked) into memory, at most <paramref name="limit"/> bytes; false when it is longer.</summary>
    private static async Task<bool> BufferWithinAsync(HttpContext http, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) return false;
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        buffer.Position = 0;
        http.Request.Body = buffer;
        return true;
    }
}
