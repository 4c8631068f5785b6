using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Accountability.GoLive;

public sealed record GoLiveReviewRequest(bool? LegalReviewDone, string? LegalReference, bool? SensitiveFeaturesChecked, bool? OptOutWired, string? Note);

public sealed record GoLiveWithdrawRequest(string? Reason);

/// <summary>
/// A loop's go-live review under the oversight API: every role reads the status; recording and withdrawing need
/// <see cref="PortalPolicies.ReviewGoLive"/> and go through the same service (and audit entries) as the loop page.
/// </summary>
public static class GoLiveApi
{
    public static IEndpointRouteBuilder MapGoLiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Accountability");
        api.MapGet("/loops/{loopId}/go-live-review", GetStatus).WithName("GoLive_Status")
            .WithSummary("Whether the loop may serve its model (a go-live review in force) or serves only the baseline, with every review recorded.")
            .Produces<GoLiveStatus>().ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapPost("/loops/{loopId}/go-live-review", Record).WithName("GoLive_Record")
            .WithSummary("Record the go-live review: the model serves from the next Rank on.")
            .WithJsonBody<GoLiveReviewRequest>().RequireAuthorization(PortalPolicies.ReviewGoLive).Produces<GoLiveStatus>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapPost("/loops/{loopId}/go-live-review/withdraw", Withdraw).WithName("GoLive_Withdraw")
            .WithSummary("Withdraw the review in force (reason required): the loop serves the baseline from the next Rank on.")
            .WithJsonBody<GoLiveWithdrawRequest>().RequireAuthorization(PortalPolicies.ReviewGoLive).Produces<GoLiveStatus>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IResult> GetStatus(string loopId, GoLiveQueries queries, CancellationToken ct) =>
        await queries.StatusAsync(loopId, ct) is { } status ? ApiJson.Ok(status) : ApiResults.NotFound($"There is no loop '{loopId}'.");

    public static async Task<IResult> Record(string loopId, HttpContext http, GoLiveReviews reviews, GoLiveQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<GoLiveReviewRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var request = body.Value!;
        var checklist = new GoLiveChecklist
        {
            LegalReviewDone = request.LegalReviewDone == true, LegalReference = request.LegalReference ?? "",
            SensitiveFeaturesChecked = request.SensitiveFeaturesChecked == true, OptOutWired = request.OptOutWired == true, Note = request.Note ?? "",
        };
        var outcome = await reviews.RecordAsync(loopId, checklist, Actor.From(http.User), ct);
        return await ResultAsync(outcome, loopId, queries, StatusCodes.Status201Created, ct);
    }

    public static async Task<IResult> Withdraw(string loopId, HttpContext http, GoLiveReviews reviews, GoLiveQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<GoLiveWithdrawRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var outcome = await reviews.WithdrawAsync(loopId, body.Value!.Reason, Actor.From(http.User), ct);
        return await ResultAsync(outcome, loopId, queries, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> ResultAsync(GoLiveOutcome outcome, string loopId, GoLiveQueries queries, int status, CancellationToken ct) =>
        outcome.Problem switch
        {
            GoLiveProblem.None => ApiJson.Ok((await queries.StatusAsync(loopId, ct))!, status),
            GoLiveProblem.NotFound => ApiResults.NotFound(outcome.Message!),
            GoLiveProblem.Conflict => ApiResults.Conflict(outcome.Message!),
            _ => ApiResults.BadRequest(ApiErrorCodes.BadRequest, outcome.Message!),
        };
}
