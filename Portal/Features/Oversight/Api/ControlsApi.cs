using Portal.Contracts.Personalizer;
using Portal.Features.Oversight.Controls;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Oversight.Api;

/// <summary>
/// The oversight API for automation: loops and their controls, freezes, kill switches, modes, decision flags. The same
/// services (and so the same checks and audit entries) as the portal's pages.
/// </summary>
public static class ControlsApi
{
    public static IEndpointRouteBuilder MapControlsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Oversight");
        api.MapGet("/loops", ListLoops).WithName("Oversight_ListLoops").WithSummary("Every loop with its mode, kill switch and frozen actions.")
            .Produces<IReadOnlyList<LoopControlResponse>>();
        api.MapPost("/loops/{loopId}/actions/{actionId}/freeze", Freeze).WithName("Oversight_Freeze")
            .WithSummary("Take an action out of the loop's candidates from the next Rank on (reason required, expiry optional).")
            .WithJsonBody<FreezeRequest>().RequireAuthorization(PortalPolicies.FreezeActions).Produces<LoopControlResponse>().ProducesOversightErrors();
        api.MapPost("/loops/{loopId}/actions/{actionId}/unfreeze", Unfreeze).WithName("Oversight_Unfreeze")
            .WithJsonBody<ReasonRequest>().RequireAuthorization(PortalPolicies.FreezeActions).Produces<LoopControlResponse>().ProducesOversightErrors();
        api.MapPut("/loops/{loopId}/kill-switch", SetLoopKillSwitch).WithName("Oversight_LoopKillSwitch")
            .WithSummary("On: the loop serves the baseline and learns nothing until it is turned off.")
            .WithJsonBody<KillSwitchRequest>().RequireAuthorization(PortalPolicies.Oversee).Produces<LoopControlResponse>().ProducesOversightErrors();
        api.MapGet("/kill-switch", GetGlobalKillSwitch).WithName("Oversight_GetGlobalKillSwitch").Produces<GlobalKillSwitchResponse>();
        api.MapPut("/kill-switch", SetGlobalKillSwitch).WithName("Oversight_GlobalKillSwitch")
            .WithSummary("The kill switch of every loop at once.")
            .WithJsonBody<KillSwitchRequest>().RequireAuthorization(PortalPolicies.Oversee).Produces<GlobalKillSwitchResponse>().ProducesOversightErrors();
        api.MapPut("/loops/{loopId}/mode", SetMode).WithName("Oversight_Mode")
            .WithSummary("online, apprentice, loggingOnly or modelFrozen (serve the model, learn nothing).")
            .WithJsonBody<ModeRequest>().RequireAuthorization(PortalPolicies.Oversee).Produces<LoopControlResponse>().ProducesOversightErrors();
        api.MapPost("/loops/{loopId}/decisions/{eventId}/flag", Flag).WithName("Oversight_FlagDecision")
            .WithSummary("Flag a decision as wrong (note required): it is never learned from.")
            .WithJsonBody<NoteRequest>().Produces<FlagResponse>().ProducesOversightErrors();
        return app;
    }

    public static async Task<IResult> ListLoops(LoopControlQueries queries, CancellationToken ct) =>
        ApiJson.Ok((await queries.OverviewAsync(ct)).Loops.Select(Response).ToList());

    public static async Task<IResult> Freeze(string loopId, string actionId, HttpContext http, FreezeService freezes, LoopControlQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<FreezeRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        return await freezes.FreezeAsync(loopId, actionId, body.Value!.Reason, body.Value.ExpiresAt, Actor.From(http.User), ct)
            .ToResultAsync(_ => LoopAsync(queries, loopId, ct));
    }

    public static async Task<IResult> Unfreeze(string loopId, string actionId, HttpContext http, FreezeService freezes, LoopControlQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<ReasonRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        return await freezes.UnfreezeAsync(loopId, actionId, body.Value!.Reason, Actor.From(http.User), ct)
            .ToResultAsync(_ => LoopAsync(queries, loopId, ct));
    }

    public static async Task<IResult> SetLoopKillSwitch(string loopId, HttpContext http, LoopControlService controls, LoopControlQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<KillSwitchRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (body.Value!.On is not { } on) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "on is required: true or false.");
        return await controls.SetKillSwitchAsync(loopId, on, body.Value.Reason, Actor.From(http.User), ct)
            .ToResultAsync(_ => LoopAsync(queries, loopId, ct));
    }

    public static async Task<IResult> GetGlobalKillSwitch(LoopControlQueries queries, CancellationToken ct) =>
        ApiJson.Ok(Response((await queries.OverviewAsync(ct)).Global));

    public static async Task<IResult> SetGlobalKillSwitch(HttpContext http, LoopControlService controls, LoopControlQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<KillSwitchRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (body.Value!.On is not { } on) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "on is required: true or false.");
        return await controls.SetKillSwitchAsync(null, on, body.Value.Reason, Actor.From(http.User), ct)
            .ToResultAsync(async _ => ApiJson.Ok(Response((await queries.OverviewAsync(ct)).Global)));
    }

    public static async Task<IResult> SetMode(string loopId, HttpContext http, LoopControlService controls, LoopControlQueries queries, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<ModeRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (body.Value!.Mode is not { } mode) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "mode is required: online, apprentice, loggingOnly or modelFrozen.");
        return await controls.SetModeAsync(loopId, mode, body.Value.Reason, Actor.From(http.User), ct)
            .ToResultAsync(_ => LoopAsync(queries, loopId, ct));
    }

    public static async Task<IResult> Flag(string loopId, string eventId, HttpContext http, DecisionReviewService reviews, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ApiJson.Info<NoteRequest>(), ApiErrorCodes.BadRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var flagged = await reviews.FlagAsync(loopId, eventId, body.Value!.Note, Actor.From(http.User), ct);
        return await flagged.Outcome.ToResultAsync(() => ApiJson.Ok(new FlagResponse(loopId, eventId, flagged.AlreadyLearned)));
    }

    private static async Task<IResult> LoopAsync(LoopControlQueries queries, string loopId, CancellationToken ct) =>
        ApiJson.Ok(Response((await queries.OverviewAsync(ct)).Loops.Single(l => l.LoopId == loopId)));

    private static LoopControlResponse Response(LoopControlView loop) => new(loop.LoopId, loop.Name, loop.Mode, loop.KillSwitch.On,
        loop.KillSwitch.Reason, loop.RequireRuleApproval,
        loop.Frozen.Select(f => new FrozenActionResponse(f.ActionId, f.Reason, f.FrozenBy, f.FrozenAt, f.ExpiresAt)).ToList());

    private static GlobalKillSwitchResponse Response(KillSwitchView global) => new(global.On, global.Reason, global.ChangedBy, global.ChangedAt);
}
