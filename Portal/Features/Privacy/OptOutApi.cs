using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy;

/// <summary>
/// <c>/api/v1/loops/{loopId}/opt-outs/{userId}</c>: the application reports that a user opted out of personalization
/// (PUT), opted back in (DELETE), or asks (GET). Authorized by the loop's own key (<c>Ocp-Apim-Subscription-Key</c>)
/// or by a loop manager's personal API token; the registry keeps only a keyed hash of the id.
/// </summary>
public static class OptOutApi
{
    public const string Route = "/api/v1/loops/{loopId}/opt-outs/{userId}";

    public static IEndpointRouteBuilder MapOptOutApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").RequireAuthorization(policy => policy.AddAuthenticationSchemes(LoopKeyOrToken.SchemeName).RequireAuthenticatedUser())
            .WithTags("Privacy");
        api.MapPut(Route, OptOut).WithName("Privacy_OptOut")
            .WithSummary("The user opted out: from the next Rank on they get the not-profiled choice, and nothing about them is stored or learned.")
            .Produces<OptOutResponse>().ProducesPrivacyErrors();
        api.MapDelete(Route, OptIn).WithName("Privacy_OptIn")
            .WithSummary("The user opted back in to personalization.")
            .Produces(StatusCodes.Status204NoContent).ProducesPrivacyErrors();
        api.MapGet(Route, Get).WithName("Privacy_GetOptOut")
            .WithSummary("Whether the user is opted out, and since when.")
            .Produces<OptOutResponse>().ProducesPrivacyErrors();
        return app;
    }

    public static async Task<IResult> OptOut(string loopId, string userId, HttpContext http, LoopDirectory loops, OptOutRegistry registry, CancellationToken ct)
    {
        if (Refusal(loopId, userId, loops) is { } refused) return refused;
        var since = await registry.OptOutAsync(loopId, userId, OptOutSource.Api, CallerOf(http), ct);
        return ApiJson.Ok(new OptOutResponse(loopId, userId, OptedOut: true, since));
    }

    public static async Task<IResult> OptIn(string loopId, string userId, HttpContext http, LoopDirectory loops, OptOutRegistry registry, CancellationToken ct)
    {
        if (Refusal(loopId, userId, loops) is { } refused) return refused;
        await registry.OptInAsync(loopId, userId, OptOutSource.Api, CallerOf(http), ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Get(string loopId, string userId, HttpContext http, LoopDirectory loops, OptOutRegistry registry,
        ActorAuthorization authorization, CancellationToken ct)
    {
        if (Refusal(loopId, userId, loops) is { } refused) return refused;
        await authorization.DemandAsync(CallerOf(http), PortalPolicies.ManageLoops, loopId);
        var since = registry.OptedOutAt(loopId, userId);
        return ApiJson.Ok(new OptOutResponse(loopId, userId, since is not null, since));
    }

    private static IResult? Refusal(string loopId, string userId, LoopDirectory loops) =>
        UserIds.Problem(userId) is { } problem ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem)
        : loops.Find(loopId) is null ? ApiResults.NotFound($"No loop with id '{loopId}' exists.")
        : null;

    /// <summary>The loop key acts for its own loop only; a person's token by their roles.</summary>
    private static Actor CallerOf(HttpContext http) =>
        http.User.FindFirst(LoopKeyAuthenticationHandler.LoopClaim)?.Value is { } keyLoop ? Actor.LoopKey(keyLoop) : Actor.From(http.User);

    /// <summary>What the privacy APIs (opt-outs, data-subject requests) answer besides success.</summary>
    internal static RouteHandlerBuilder ProducesPrivacyErrors(this RouteHandlerBuilder endpoint) => endpoint.ProducesApiErrors(
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
}

public sealed record OptOutResponse(string LoopId, string UserId, bool OptedOut, DateTimeOffset? Since);
