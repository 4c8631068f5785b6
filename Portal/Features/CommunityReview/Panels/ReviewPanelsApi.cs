using Portal.Features.CommunityReview.Links;
using Portal.Features.CommunityReview.Results;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.CommunityReview.Panels;

/// <param name="StrataBy">A categorical context feature's path (each of its values a segment), or <c>savedSegments</c> with <paramref name="SegmentIds"/>.</param>
public sealed record CreatePanelRequest(string? LoopId, string? Name, int? DaysBack, string? StrataBy, long[]? SegmentIds, int? PerSegment,
    int? ExpiresInDays);

public sealed record CreateInvitationRequest(string? Label);

/// <summary>A panel's results for machines: shares and agreement are null where no judgement makes them known.</summary>
public sealed record PanelResultsResponse(long Id, string LoopId, string Name, DateTimeOffset WindowFrom, DateTimeOffset WindowTo, DateTimeOffset ExpiresAt,
    string StrataBy, int Items, int Reviewers, int TicketsOpened, IReadOnlyList<SegmentResultsResponse> Segments, SegmentResultsResponse Overall)
{
    public static PanelResultsResponse From(PanelResults results) => new(results.PanelId, results.LoopId, results.Name, results.WindowFrom,
        results.WindowTo, results.ExpiresAt, results.StrataBy, results.Items, results.Reviewers, results.TicketsOpened,
        [.. results.Segments.Select(SegmentResultsResponse.From)], SegmentResultsResponse.From(results.Overall));
}

/// <param name="Agreement">Krippendorff's alpha over the items judged by two reviewers or more (null below that).</param>
public sealed record SegmentResultsResponse(string Segment, int Items, int Judgements, IReadOnlyList<VerdictShareResponse> Verdicts, double? Agreement)
{
    public static SegmentResultsResponse From(SegmentJudgements segment) => new(segment.Segment, segment.Items, segment.Judgements,
        [.. segment.Shares.Select(VerdictShareResponse.From)], Known(segment.Agreement.Alpha));

    internal static double? Known(double value) => double.IsFinite(value) ? value : null;
}

/// <param name="Interval95">The share's 95% Wilson interval, [low, high]; null without judgements.</param>
public sealed record VerdictShareResponse(Data.Entities.ReviewVerdict Verdict, int Count, double? Share, double[]? Interval95)
{
    public static VerdictShareResponse From(VerdictShare share) => new(share.Verdict, share.Count, SegmentResultsResponse.Known(share.Share),
        share.Interval95 is { IsKnown: true } interval && share.Of > 0 ? [interval.Low, interval.High] : null);
}

/// <summary>
/// Community review panels under the oversight API: every role reads the panels and their results, as on the pages;
/// creating and deleting panels and inviting and revoking reviewers need <see cref="PortalPolicies.ManageReviewPanels"/>
/// and go through the same service (and audit entries) as the panel pages.
/// </summary>
public static class ReviewPanelsApi
{
    private const string Route = "/review-panels";

    public static IEndpointRouteBuilder MapReviewPanelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Community review");
        api.MapGet(Route, List).WithName("ReviewPanels_List")
            .WithSummary("The review panels, newest first (one loop's with ?loopId=): items, reviewers invited, judgements.")
            .Produces<IReadOnlyList<PanelSummary>>();
        api.MapGet(Route + "/{panelId:long}", Get).WithName("ReviewPanels_Get")
            .WithSummary("A panel's results: per segment and overall, each verdict's share with its 95% interval, and the reviewers' agreement.")
            .Produces<PanelResultsResponse>().ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapPost(Route, Create).WithName("ReviewPanels_Create")
            .WithSummary("Draws a panel's sample from the loop's recent decisions (stratified by a context feature or saved segments, anonymized); audited.")
            .WithJsonBody<CreatePanelRequest>().RequireAuthorization(PortalPolicies.ManageReviewPanels)
            .Produces<PanelSummary>(StatusCodes.Status201Created).ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.MapDelete(Route + "/{panelId:long}", Delete).WithName("ReviewPanels_Delete")
            .WithSummary("Deletes the panel with its items, links and judgements (tickets they opened stay); audited.")
            .RequireAuthorization(PortalPolicies.ManageReviewPanels).Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapGet(Route + "/{panelId:long}/invitations", Invitations).WithName("ReviewPanels_Invitations")
            .WithSummary("The panel's reviewers: label, when invited and by whom, revoked or not, items judged (never the links).")
            .RequireAuthorization(PortalPolicies.ManageReviewPanels).Produces<IReadOnlyList<InvitationView>>().ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapPost(Route + "/{panelId:long}/invitations", Invite).WithName("ReviewPanels_Invite")
            .WithSummary("A link for one more reviewer, valid until the panel expires; answered once (only its hash is stored); audited.")
            .WithJsonBody<CreateInvitationRequest>().RequireAuthorization(PortalPolicies.ManageReviewPanels).Produces<Invitation>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapDelete(Route + "/{panelId:long}/invitations/{invitationId:long}", Revoke).WithName("ReviewPanels_Revoke")
            .WithSummary("Stops a reviewer's link at once; audited.")
            .RequireAuthorization(PortalPolicies.ManageReviewPanels).Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> List(string? loopId, PanelQueries queries, CancellationToken ct) =>
        ApiJson.Ok(await queries.PanelsAsync(ct, loopId));

    public static async Task<IResult> Get(long panelId, PanelResultsQueries results, CancellationToken ct) =>
        await results.ForPanelAsync(panelId, ct) is { } found ? ApiJson.Ok(PanelResultsResponse.From(found)) : NoSuchPanel(panelId);

    public static async Task<IResult> Create(HttpContext http, PanelService panels, PanelQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<CreatePanelRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var request = body.Value!;
        var defaults = new PanelForm();
        var form = new PanelForm
        {
            LoopId = request.LoopId, Name = request.Name ?? "", DaysBack = request.DaysBack ?? defaults.DaysBack, StrataBy = request.StrataBy,
            SegmentIds = request.SegmentIds ?? [], PerSegment = request.PerSegment ?? defaults.PerSegment, ExpiresInDays = request.ExpiresInDays ?? defaults.ExpiresInDays,
        };
        var created = await panels.CreateAsync(form, Actor.From(http.User), ct);
        if (created.PanelId is not { } id) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, created.Problem!);
        return ApiJson.Ok((await queries.PanelAsync(id, ct))!, StatusCodes.Status201Created);
    }

    public static async Task<IResult> Delete(long panelId, HttpContext http, PanelService panels, CancellationToken ct) =>
        await panels.DeleteAsync(panelId, Actor.From(http.User), ct) ? TypedResults.NoContent() : NoSuchPanel(panelId);

    public static async Task<IResult> Invitations(long panelId, PanelQueries queries, CancellationToken ct) =>
        await queries.PanelAsync(panelId, ct) is null ? NoSuchPanel(panelId) : ApiJson.Ok(await queries.InvitationsAsync(panelId, ct));

    public static async Task<IResult> Invite(long panelId, HttpContext http, PanelService panels, PanelQueries queries, ReviewLinks links, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<CreateInvitationRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (await queries.PanelAsync(panelId, ct) is not { } panel) return NoSuchPanel(panelId);
        if (panel.ExpiresAt <= DateTimeOffset.UtcNow) return ApiResults.Conflict("The panel has expired: it takes no more reviewers.");
        var pageBase = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
        var (invitation, problem) = await panels.InviteAsync(panelId, body.Value!.Label ?? "", token => links.UrlFor(token, pageBase), Actor.From(http.User), ct);
        return invitation is null ? ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem!) : ApiJson.Ok(invitation, StatusCodes.Status201Created);
    }

    public static async Task<IResult> Revoke(long panelId, long invitationId, HttpContext http, PanelService panels, PanelQueries queries, CancellationToken ct)
    {
        var invitations = await queries.InvitationsAsync(panelId, ct);
        if (!invitations.Any(i => i.Id == invitationId && i.RevokedAt is null))
            return ApiResults.NotFound($"Panel {panelId} has no link {invitationId} in force.");
        return await panels.RevokeAsync(invitationId, Actor.From(http.User), ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Panel {panelId} has no link {invitationId} in force.");
    }

    private static IResult NoSuchPanel(long panelId) => ApiResults.NotFound($"There is no review panel {panelId}.");
}
