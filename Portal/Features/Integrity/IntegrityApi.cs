using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Integrity;

/// <summary>
/// Quarantine and rollback for automation, under <c>/api/v1</c> (personal tokens; <see cref="PortalPolicies.Oversee"/>
/// for changes): the same services, checks and audit entries as the page.
/// </summary>
public static class IntegrityApi
{
    public static IEndpointRouteBuilder MapIntegrityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Integrity");
        api.MapGet("/loops/{loopId}/snapshots", ListSnapshots).WithName("Integrity_ListSnapshots")
            .WithSummary("The loop's kept model snapshots, newest first, with the mean reward of the hour before each.")
            .Produces<IReadOnlyList<SnapshotView>>();
        api.MapPost("/loops/{loopId}/snapshots/{snapshotId}/rollback", RollBack).WithName("Integrity_RollBack")
            .WithSummary("Learning goes back to the snapshot; the trainer re-learns the log after it (quarantined decisions skipped).")
            .WithJsonBody<RollbackRequest>().RequireAuthorization(PortalPolicies.Oversee)
            .Produces(StatusCodes.Status204NoContent).Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapGet("/loops/{loopId}/quarantines", ListQuarantines).WithName("Integrity_ListQuarantines")
            .Produces<IReadOnlyList<QuarantineView>>();
        api.MapPost("/loops/{loopId}/quarantines", Quarantine).WithName("Integrity_Quarantine")
            .WithSummary("Never learn the decisions of [from, to): stored first, then learning rolls back to before the window if it had learned any.")
            .WithJsonBody<QuarantineRequest>().RequireAuthorization(PortalPolicies.Oversee)
            .Produces<QuarantineView>(StatusCodes.Status201Created).Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> ListSnapshots(string loopId, ModelHistory history, CancellationToken ct) =>
        ApiJson.Ok(await history.ListAsync(loopId, ct));

    public static async Task<IResult> RollBack(string loopId, string snapshotId, HttpContext http, ModelHistory history, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<RollbackRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var (found, error) = await history.RollBackAsync(loopId, snapshotId, body.Value!.Reason, Actor.From(http.User), ct);
        return error is not null ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, error)
            : !found ? ApiResults.NotFound($"Loop '{loopId}' has no snapshot '{snapshotId}'.")
            : TypedResults.NoContent();
    }

    public static async Task<IResult> ListQuarantines(string loopId, QuarantineService quarantines, CancellationToken ct) =>
        ApiJson.Ok(await quarantines.ListAsync(loopId, ct));

    public static async Task<IResult> Quarantine(string loopId, HttpContext http, QuarantineService quarantines, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<QuarantineRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var request = body.Value!;
        var outcome = await quarantines.QuarantineAsync(loopId, request.From, request.To, request.Reason, Actor.From(http.User), ct);
        return !outcome.Found ? ApiResults.NotFound($"No loop with id '{loopId}' exists.")
            : outcome.Error is not null ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, outcome.Error)
            : ApiJson.Ok(outcome.Quarantine!, StatusCodes.Status201Created);
    }
}

public sealed record RollbackRequest(string? Reason);

public sealed record QuarantineRequest(DateTimeOffset? From, DateTimeOffset? To, string? Reason);
