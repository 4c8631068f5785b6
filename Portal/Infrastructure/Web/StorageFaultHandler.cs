using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Web;

/// <summary>
/// A write the storage refused (disk full, read-only, I/O error; see <see cref="StorageFault"/>) answers 503 with what
/// happened and that nothing was recorded: in Personalizer's error shape on API routes, as a page elsewhere. Never 500
/// (the request was fine) and never a success (the write did not reach the disk). Registered before
/// <see cref="ApiExceptionHandler"/>. Rank pays nothing for it: it runs only when a write has failed.
/// </summary>
public sealed class StorageFaultHandler(ILogger<StorageFaultHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (StorageFault.KindOf(exception) is not { } kind) return false;
        var handled = http.Features.Get<IExceptionHandlerFeature>();
        var path = handled?.Path ?? http.Request.Path.Value;
        // The writer has logged the failed batch with its exception; one line per refused request is enough here.
        logger.LogWarning("Refused on {Path}: {Storage} ({Detail})", path, StorageFault.Describe(kind), exception.Message);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ApiRoutes.IsApi(path))
        {
            var what = handled?.Endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName switch
            {
                "Rank" => "the decision was not recorded",
                "Reward" => "the reward was not recorded",
                "Activate" => "the activation was not recorded",
                _ => "nothing was changed",
            };
            await ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.ServiceUnavailable,
                $"{StorageFault.Describe(kind)}: {what}. Retry later.").ExecuteAsync(http);
            return true;
        }
        await PublicMessageResponse.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "We could not save this just now",
            $"{Reason(kind)}, so nothing you sent was saved. Please go back and send it again in a few minutes.", ct);
        return true;
    }

    private static string Reason(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => "Our storage is full at the moment",
        StorageFaultKind.ReadOnly => "Our storage cannot take changes at the moment",
        StorageFaultKind.Unreachable => "Our database cannot be reached at the moment",
        _ => "Our storage is failing at the moment",
    };
}
