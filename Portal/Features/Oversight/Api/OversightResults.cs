using Portal.Infrastructure.Errors;

namespace Portal.Features.Oversight.Api;

/// <summary>An oversight outcome as an HTTP answer: refusals in the API's error shape with the matching status.</summary>
public static class OversightResults
{
    public static async Task<IResult> ToResultAsync(this Task<OversightOutcome> pending, Func<OversightOutcome, Task<IResult>> onSuccess)
    {
        var outcome = await pending;
        return outcome.Problem switch
        {
            OversightProblem.None => await onSuccess(outcome),
            OversightProblem.NotFound => ApiResults.NotFound(outcome.Message!),
            OversightProblem.Conflict => ApiResults.Conflict(outcome.Message!),
            _ => ApiResults.BadRequest(ApiErrorCodes.BadRequest, outcome.Message!),
        };
    }

    public static Task<IResult> ToResultAsync(this OversightOutcome outcome, Func<IResult> onSuccess) =>
        Task.FromResult(outcome).ToResultAsync(_ => Task.FromResult(onSuccess()));

    /// <summary>Documents the refusals every oversight change can answer with.</summary>
    public static RouteHandlerBuilder ProducesOversightErrors(this RouteHandlerBuilder endpoint) => endpoint.ProducesApiErrors(StatusCodes.Status400BadRequest,
        StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}
