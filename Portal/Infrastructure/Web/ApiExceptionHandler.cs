using Microsoft.AspNetCore.Diagnostics;
using Portal.Infrastructure.Errors;

namespace Portal.Infrastructure.Web;

/// <summary>An unexpected failure on an API route answers in Personalizer's error shape, without internals.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!ApiRoutes.IsApi(http.Request.Path)) return false;
        logger.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        var result = ApiResults.Error(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalServerError,
            "The server failed to process the request; nothing was acknowledged. Retry later.");
        await result.ExecuteAsync(http);
        return true;
    }
}
