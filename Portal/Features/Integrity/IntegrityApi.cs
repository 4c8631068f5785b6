using Portal.Features.Integrity.Detection;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Integrity;

/// <summary>
/// Manipulation findings, quarantine and rollback for automation, under <c>/api/v1</c> (personal tokens; <see cref="PortalPolicies.Oversee"/>
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
            .Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapGet("/loops/{loopId}/quarantines", ListQuarantines).WithName("Integrity_ListQuarantines")
            .Produces<IReadOnlyList<QuarantineView>>();
        api.MapPost("/loops/{loopId}/quarantines", Quarantine).WithName("Integrity_Quarantine")
            .WithSummary("Never learn the decisions of [from, to), or only those rewarded from `source`: stored first, then learning rolls back to before the window if it had learned any.")
            .WithJsonBody<QuarantineRequest>().RequireAuthorization(PortalPolicies.Oversee)
            .Produces<QuarantineView>(StatusCodes.Status201Created).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapGet("/loops/{loopId}/findings", ListFindings).WithName("Integrity_ListFindings")
            .WithSummary("The manipulation detectors' findings, newest first (status=open, the default, or all), with their evidence series.")
            .Produces<IReadOnlyList<FindingView>>().ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.MapPost("/loops/{loopId}/findings/{findingId:long}/dismiss", DismissFinding).WithName("Integrity_DismissFinding")
            .WithSummary("Settle an open finding as plain traffic, with a reason (audited).")
            .WithJsonBody<RollbackRequest>().RequireAuthorization(PortalPolicies.Oversee)
            .Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapPost("/loops/{loopId}/findings/{findingId:long}/quarantine", QuarantineFinding).WithName("Integrity_QuarantineFinding")
            .WithSummary("Quarantine from the start of the finding's window until now (rollback and re-learning as for a quarantine); settles the open findings inside it.")
            .WithJsonBody<RollbackRequest>().RequireAuthorization(PortalPolicies.Oversee)
            .Produces<FindingQuarantined>(StatusCodes.Status201Created).ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
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
        var outcome = await quarantines.QuarantineAsync(loopId, request.From, request.To, request.Source, request.Reason, Actor.From(http.User), ct);
        return !outcome.Found ? ApiResults.NotFound($"No loop with id '{loopId}' exists.")
            : outcome.Error is not null ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, outcome.Error)
            : ApiJson.Ok(outcome.Quarantine!, StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListFindings(string loopId, string? status, FindingReview review, CancellationToken ct)
    {
        if (status is not (null or "open" or "all")) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, $"status '{status}' is not one of: open, all.");
        var findings = await review.ListAsync(loopId, openOnly: status != "all", ct);
        return ApiJson.Ok<IReadOnlyList<FindingView>>(findings.Select(FindingView.Of).ToList());
    }

    public static Task<IResult> DismissFinding(string loopId, long findingId, HttpContext http, FindingReview review, CancellationToken ct) =>
        ReviewAsync(loopId, findingId, http, ct, (reason, actor) => review.DismissAsync(loopId, findingId, reason, actor, ct), _ => TypedResults.NoContent());

    public static Task<IResult> QuarantineFinding(string loopId, long findingId, HttpContext http, FindingReview review, CancellationToken ct) =>
        ReviewAsync(loopId, findingId, http, ct, (reason, actor) => review.QuarantineAsync(loopId, findingId, reason, actor, ct),
            outcome => ApiJson.Ok(new FindingQuarantined(outcome.QuarantineId!.Value), StatusCodes.Status201Created));

    private static async Task<IResult> ReviewAsync(string loopId, long findingId, HttpContext http, CancellationToken ct,
        Func<string?, Actor, Task<FindingReview.Outcome>> act, Func<FindingReview.Outcome, IResult> done)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<RollbackRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var outcome = await act(body.Value!.Reason, Actor.From(http.User));
        return !outcome.Found ? ApiResults.NotFound($"Loop '{loopId}' has no finding #{findingId}.")
            : outcome.Error is not null ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, outcome.Error)
            : done(outcome);
    }
}

/// <summary>A reviewer's reason, for a rollback or a finding's review.</summary>
public sealed record RollbackRequest(string? Reason);

public sealed record FindingQuarantined(long QuarantineId);

/// <summary>A finding as the API shows it.</summary>
public sealed record FindingView(long Id, string Kind, string Subject, string Status, string? ActionId, string? SegmentFeature, string? SegmentValue,
    string? Source, long FirstSeq, long LastSeq, DateTimeOffset WindowFrom, DateTimeOffset WindowTo, double Observed, double BaselineMean,
    double BaselineSpread, double ZScore, int Sample, IReadOnlyList<WindowPoint> Evidence, DateTimeOffset DetectedAt, string? ReviewedBy,
    string? ReviewNote, long? QuarantineId)
{
    public static FindingView Of(Portal.Data.Entities.ManipulationFinding f) => new(f.Id, f.Kind.ToString(), f.Subject, f.Status.ToString(), f.ActionId,
        f.SegmentFeature, f.SegmentValue, f.Source, f.FirstSeq, f.LastSeq, f.WindowFrom, f.WindowTo, f.Observed, f.BaselineMean, f.BaselineSpread,
        f.ZScore, f.Sample, FindingEvidence.Read(f.EvidenceJson), f.DetectedAt, f.ReviewedByName, f.ReviewNote, f.QuarantineId);
}

/// <param name="Source">Only decisions rewarded from this source (a finding's <c>source</c>); omitted: the whole window.</param>
public sealed record QuarantineRequest(DateTimeOffset? From, DateTimeOffset? To, string? Reason, string? Source = null);
