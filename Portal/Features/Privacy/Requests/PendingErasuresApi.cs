using Portal.Data.Entities;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The erasures not finished yet, for automation (personal API tokens, Admin): listed with their state (running,
/// waiting, given up), run again once given up, cancelled. The page's list of erasures in the background, as an API.
/// Each names the person by the keyed hashes the audit log uses, never by their id or address.
/// </summary>
public static class PendingErasuresApi
{
    public const string Route = "/privacy/erasures";

    public static IEndpointRouteBuilder MapPendingErasuresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Privacy");
        api.MapGet(Route, List).WithName("Privacy_ListErasures").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Erasures not finished yet, oldest first: running (on which node), waiting to be taken up or to run again, or given up after too many failed runs (with the last error).")
            .Produces<IReadOnlyList<PendingErasureResponse>>().ProducesErasureErrors();
        api.MapPost(Route + "/{id:long}/run-again", RunAgain).WithName("Privacy_RunErasureAgain").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Runs a given-up erasure again (once its cause is mended), with a fresh count of runs; audited.")
            .Produces<ErasureControlResponse>(StatusCodes.Status202Accepted).ProducesErasureErrors().ProducesApiErrors(StatusCodes.Status409Conflict);
        api.MapDelete(Route + "/{id:long}", Cancel).WithName("Privacy_CancelErasure").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Cancels an erasure: one waiting or given up is forgotten at once (audited); a running one stops after its current batch (on another node within 30 s). What was erased stays erased.")
            .Produces<ErasureControlResponse>().ProducesErasureErrors();
        return app;
    }

    public static async Task<IResult> List(PendingErasures pending, DataSubjects subjects, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return ApiJson.Ok((await pending.AllAsync(ct)).Select(row => PendingErasureResponse.From(row, subjects, now)).ToList());
    }

    public static async Task<IResult> RunAgain(long id, HttpContext http, BackgroundErasures erasures, CancellationToken ct) =>
        ToResult(id, await erasures.RunAgainAsync(id, Actor.From(http.User), ct), StatusCodes.Status202Accepted);

    public static async Task<IResult> Cancel(long id, HttpContext http, BackgroundErasures erasures, CancellationToken ct) =>
        ToResult(id, await erasures.CancelAsync(id, Actor.From(http.User), ct), StatusCodes.Status200OK);

    private static IResult ToResult(long id, ErasureControl outcome, int doneStatus) => outcome.Result switch
    {
        ErasureControlResult.NotFound => ApiResults.NotFound($"There is no unfinished erasure #{id}: it completed, was cancelled, or never was."),
        ErasureControlResult.Refused => ApiResults.Conflict($"Erasure #{id}: {outcome.Message}"),
        _ => ApiJson.Ok(new ErasureControlResponse(id, outcome.Message), doneStatus),
    };

    private static RouteHandlerBuilder ProducesErasureErrors(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
}


/// <param name="UserIdHash">The id's keyed hash, as the audit log and the erasure's answer name the person.</param>
/// <param name="Node">The node running it, while one does.</param>
/// <param name="LastError">What stopped its last failed run.</param>
/// <param name="Step">While it runs: its step and the share of it done, as the running node last stored them (every 30 s).</param>
public sealed record PendingErasureResponse(long Id, string? UserIdHash, string? ContactEmailHash, string RequestedBy, DateTimeOffset RequestedAt,
    PendingErasureState State, string? Node, int FailedRuns, string? LastError, DateTimeOffset? GivenUpAt, string? Step, double? Done, DateTimeOffset? ProgressAt)
{
    public static PendingErasureResponse From(PendingErasure row, DataSubjects subjects, DateTimeOffset now)
    {
        var subject = subjects.Of(new SubjectQuery(row.UserId, row.ContactEmail));
        var state = PendingErasures.StateOf(row, now);
        var running = state == PendingErasureState.Running;
        return new PendingErasureResponse(row.Id, subject.UserHash, subject.ContactHash, row.RequestedByName, row.RequestedAt, state,
            running ? row.Holder : null, row.FailedRuns, row.LastError, row.GivenUpAt,
            running ? row.ProgressStep : null, running ? row.ProgressDone : null, running ? row.ProgressAt : null);
    }
}

/// <param name="Message">What happened, in a sentence (as the page says it).</param>
public sealed record ErasureControlResponse(long Id, string Message);
