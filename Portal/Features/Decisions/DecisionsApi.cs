using Portal.Contracts.Personalizer;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Web;

namespace Portal.Features.Decisions;

/// <summary>Personalizer's Rank, Reward and Activate, under <c>/personalizer/v1.0</c>.</summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapPersonalizerGroup("Decisions");
        api.MapPost("/rank", Rank).WithName("Rank")
            .WithSummary("Choose an action for a context (Personalizer Rank).")
            .WithJsonBody<RankRequest>()
            .Produces<RankResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        api.MapPost("/events/{eventId}/reward", Reward).WithName("Reward")
            .WithSummary("Report the reward of a ranked event (Personalizer Events_Reward).")
            .WithJsonBody<RewardRequest>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        api.MapPost("/events/{eventId}/activate", Activate).WithName("Activate")
            .WithSummary("Mark a deferred event as shown (Personalizer Events_Activate).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static async Task<IResult> Rank(HttpContext http, RankService ranker, IDecisionLinks links, LoopCallLimits limits, CancellationToken ct)
    {
        if (!await limits.TryAcquireAsync(http.Loop(), LimitedCall.Rank)) return LimitReached(http, "Rank", http.Loop().Settings.RankCallsPerSecond);
        // The request's feature elements live in the body's buffer: it is released when the decision is made.
        using var body = await RankRequestBody.ReadAsync(http.Request, http.Loop().AuditOnlyFeatures, ct);
        if (body.Error is not null) return body.Error;
        if (RankRequestValidator.Validate(body.Request!) is { } problem)
            return ApiResults.BadRequest(ApiErrorCodes.InvalidRankRequest, problem);

        var loop = http.Loop();
        // An answer that is never sent (the call failed) is left to the garbage collector.
        var answer = RankAnswer.Rent(links, http.Request, loop.Id);
        var result = await ranker.RankAsync(loop, body.Request!, body.RawJson, GlobalPrivacyControl(http.Request), body.Features, body.ActionsJson, ct, answer);
        if (!result.IsDuplicate) return answer;
        RankAnswer.Return(answer);
        return ApiResults.Conflict($"eventId '{body.Request!.EventId}' was already used by another Rank call of this loop; nothing was changed.");
    }

    public static async Task<IResult> Reward(string eventId, HttpContext http, RewardService rewards, RewardSources sources, LoopCallLimits limits, CancellationToken ct)
    {
        if (!await limits.TryAcquireAsync(http.Loop(), LimitedCall.Reward)) return LimitReached(http, "Reward and Activate", http.Loop().Settings.RewardCallsPerSecond);
        if (InvalidEventId(eventId, ApiErrorCodes.InvalidRewardRequest) is { } invalid) return invalid;
        var body = await JsonBody.ReadAsync(http.Request, PersonalizerJsonContext.Default.RewardRequest,
            ApiErrorCodes.InvalidRewardRequest, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (body.Value!.Value is not { } value)
            return ApiResults.BadRequest(ApiErrorCodes.InvalidRewardRequest, "value is required: a number between -1 and 1.");
        if (!double.IsFinite(value) || value is < -1 or > 1)
            return ApiResults.BadRequest(ApiErrorCodes.InvalidRewardRequest, $"value {value} is outside the allowed range [-1, 1].");

        var result = await rewards.RewardAsync(http.Loop(), eventId, value, sources.Of(http.Connection.RemoteIpAddress), ct);
        return result == LogWriteResult.UnknownEvent ? UnknownEvent(eventId) : TypedResults.NoContent();
    }

    public static async Task<IResult> Activate(string eventId, HttpContext http, RewardService rewards, LoopCallLimits limits, CancellationToken ct)
    {
        if (!await limits.TryAcquireAsync(http.Loop(), LimitedCall.Reward)) return LimitReached(http, "Reward and Activate", http.Loop().Settings.RewardCallsPerSecond);
        if (InvalidEventId(eventId, ApiErrorCodes.InvalidEventIdToActivate) is { } invalid) return invalid;
        var result = await rewards.ActivateAsync(http.Loop(), eventId, ct);
        return result == LogWriteResult.UnknownEvent ? UnknownEvent(eventId) : TypedResults.NoContent();
    }

    private static IResult LimitReached(HttpContext http, string calls, int perSecond) =>
        ApiResults.TooManyRequests(http.Response, 1,
            $"This loop accepts at most {perSecond} {calls} calls per second; try again in a second. Nothing was changed.");

    /// <summary>The browser's Global Privacy Control signal, forwarded by the application (<c>Sec-GPC: 1</c>).</summary>
    private static bool GlobalPrivacyControl(HttpRequest request) =>
        request.Headers.TryGetValue("Sec-GPC", out var gpc) && gpc.Count == 1 && gpc[0] == "1";

    private static IResult? InvalidEventId(string eventId, string code) =>
        eventId.Length > RankRequestValidator.MaxIdLength
            ? ApiResults.BadRequest(code, $"eventId is longer than {RankRequestValidator.MaxIdLength} characters.")
            : null;

    private static IResult UnknownEvent(string eventId) =>
        ApiResults.NotFound($"No Rank event with eventId '{eventId}' exists in this loop.");
}
