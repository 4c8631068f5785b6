using Microsoft.AspNetCore.Diagnostics;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Infrastructure.Web;

/// <summary>
/// A failure on an API route answers in Personalizer's error shape, without internals: a service's refusal of the
/// caller's rights is 403 Forbidden, anything unexpected 500. A refusal elsewhere (a download) is a plain 403.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // UseExceptionHandler("/Error") has already pointed the request at the error page: judge by where it was sent.
        var path = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        var isApi = ApiRoutes.IsApi(path);
        if (exception is ForbiddenException forbidden)
        {
            logger.LogWarning("Refused on {Path}: {Message}", path, forbidden.Message);
            if (!isApi)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(forbidden.Message, ct);
                return true;
            }
            await ApiResults.Error(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, forbidden.Message).ExecuteAsync(http);
            return true;
        }
        if (!isApi) return false;
        logger.LogError(exception, "Unhandled error on {Path}", path);
        var result = ApiResults.Error(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalServerError,
            "The server failed to process the request; nothing was acknowledged. Retry later.");
        await result.ExecuteAsync(http);
        return true;
    }
}
