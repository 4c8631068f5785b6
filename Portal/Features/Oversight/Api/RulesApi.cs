using Portal.Contracts.Personalizer;
using Portal.Features.Oversight.Rules;
using Portal.Features.Segments;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Oversight.Api;

/// <summary>Override rules for automation: list, write, approve or reject (four eyes), revoke.</summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Override rules");
        api.MapGet("/rules", List).WithName("Rules_List").WithSummary("Rules, newest first; open=true keeps those that wait, act or will act.")
            .Produces<IReadOnlyList<RuleResponse>>();
        api.MapGet("/rules/{id:long}", Get).WithName("Rules_Get").Produces<RuleResponse>().ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapPost("/rules", Create).WithName("Rules_Create")
            .WithSummary("Write a rule for a segment: force an action, exclude actions or serve the baseline. It waits for approval where the loop asks for four eyes.")
            .WithJsonBody<RuleRequest>().RequireAuthorization(PortalPolicies.Oversee).Produces<RuleResponse>(StatusCodes.Status201Created).ProducesOversightErrors();
        api.MapPost("/rules/{id:long}/approve", Approve).WithName("Rules_Approve").WithSummary("Approve a rule you did not write.")
            .WithJsonBody<NoteRequest>().RequireAuthorization(PortalPolicies.ApproveRules).Produces<RuleResponse>().ProducesOversightErrors();
        api.MapPost("/rules/{id:long}/reject", Reject).WithName("Rules_Reject").WithSummary("Reject a rule (note required).")
            .WithJsonBody<NoteRequest>().RequireAuthorization(PortalPolicies.ApproveRules).Produces<RuleResponse>().ProducesOversightErrors();
        api.MapPost("/rules/{id:long}/revoke", Revoke).WithName("Rules_Revoke").WithSummary("Stop a rule now (reason required).")
            .WithJsonBody<ReasonRequest>().Produces<RuleResponse>().ProducesOversightErrors();
        return app;
    }

    public static async Task<IResult> List(RuleQueries queries, string? loopId, bool? open, CancellationToken ct) =>
        ApiJson.Ok((await queries.ListAsync(loopId, open ?? false, ct)).Select(RuleResponse.From).ToList());

    public static async Task<IResult> Get(long id, RuleQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } rule ? ApiJson.Ok(RuleResponse.From(rule)) : ApiResults.NotFound($"There is no rule #{id}.");

    public static async Task<IResult> Create(HttpContext http, RuleService rules, RuleQueries queries, SegmentCatalog segments, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<RuleRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var request = body.Value!;
        if (string.IsNullOrWhiteSpace(request.LoopId)) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "loopId is required.");
        if (request.Kind is not { } kind) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "kind is required: forceAction, excludeActions or serveBaseline.");
        if (request.Segment is { SegmentId: { } segmentId } && segments.Find(segmentId) is null)
            return ApiResults.NotFound($"There is no saved segment #{segmentId}.");
        if (SegmentOf(request.Segment, segments) is not { } segment)
            return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "segment is required: {\"segmentId\": <a saved segment>} or {\"name\": \"…\", \"definition\": {…}}.");

        var draft = new RuleDraft(request.LoopId, segment.Name, segment.Definition, kind, request.ActionIds ?? [], request.Reason,
            request.Priority ?? 0, request.StartsAt, request.ExpiresAt, segment.Id);
        return await rules.CreateAsync(draft, Actor.From(http.User), ct)
            .ToResultAsync(async outcome => TypedResults.Json(RuleResponse.From((await queries.GetAsync(outcome.Id!.Value, ct))!),
                ApiJson.Info<RuleResponse>(), statusCode: StatusCodes.Status201Created));
    }

    public static Task<IResult> Approve(long id, HttpContext http, RuleService rules, RuleQueries queries, CancellationToken ct) =>
        ReviewAsync(http, queries, id, ct, (note, actor) => rules.ApproveAsync(id, note, actor, ct));

    public static Task<IResult> Reject(long id, HttpContext http, RuleService rules, RuleQueries queries, CancellationToken ct) =>
        ReviewAsync(http, queries, id, ct, (note, actor) => rules.RejectAsync(id, note, actor, ct));

    public static async Task<IResult> Revoke(long id, HttpContext http, RuleService rules, RuleQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<ReasonRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        return await rules.RevokeAsync(id, body.Value!.Reason, Actor.From(http.User), ct).ToResultAsync(_ => RuleAsync(queries, id, ct));
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, RuleQueries queries, long id, CancellationToken ct, Func<string?, Actor, Task<OversightOutcome>> review)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<NoteRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        return await review(body.Value!.Note, Actor.From(http.User)).ToResultAsync(_ => RuleAsync(queries, id, ct));
    }

    private static async Task<IResult> RuleAsync(RuleQueries queries, long id, CancellationToken ct) =>
        ApiJson.Ok(RuleResponse.From((await queries.GetAsync(id, ct))!));

    private sealed record ResolvedSegment(long? Id, string Name, SegmentDefinition Definition);

    private static ResolvedSegment? SegmentOf(RuleSegmentRequest? request, SegmentCatalog segments) => request switch
    {
        { SegmentId: { } id } => segments.Find(id) is { } saved ? new ResolvedSegment(saved.Id, saved.Name, saved.Predicate.Definition) : null,
        { Definition: { } definition } => new ResolvedSegment(null, NameOf(request.Name, definition), definition),
        _ => null,
    };

    /// <summary>The given name, else the definition in words (a broken definition is reported by the rule service).</summary>
    private static string NameOf(string? name, SegmentDefinition definition) =>
        !string.IsNullOrWhiteSpace(name) ? name : SegmentJson.Problem(definition) is null ? SegmentJson.Describe(definition) : "segment";
}
