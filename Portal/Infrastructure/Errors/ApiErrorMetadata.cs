namespace Portal.Infrastructure.Errors;

/// <summary>Declares, for the OpenAPI document, the statuses an endpoint answers in Personalizer's error shape.</summary>
public static class ApiErrorMetadata
{
    /// <summary>One <see cref="ApiError"/> response per status, e.g. <c>.ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)</c>.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder endpoint, params ReadOnlySpan<int> statuses)
    {
        foreach (var status in statuses) endpoint.Produces<ApiError>(status);
        return endpoint;
    }
}
