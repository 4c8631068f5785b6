namespace Portal.Infrastructure.Errors;

/// <summary>Typed results carrying Personalizer's error shape.</summary>
public static class ApiResults
{
    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ApiError(code, message), ApiJsonContext.Default.ApiError, statusCode: status);

    public static IResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, ApiErrorCodes.ResourceNotFound, message);

    /// <summary>429 with Retry-After (whole seconds), in the API's error shape.</summary>
    public static IResult TooManyRequests(HttpResponse response, int retryAfterSeconds, string message)
    {
        response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(StatusCodes.Status429TooManyRequests, ApiErrorCodes.TooManyRequests, message);
    }

    public static IResult Conflict(string message) => Error(StatusCodes.Status409Conflict, ApiErrorCodes.Conflict, message);

    public static IResult TooLarge(long limit) => Error(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.PayloadTooLarge,
        $"The request body is larger than the limit of {limit:N0} bytes.");
}
