using Portal.Contracts.Personalizer;
using Portal.Features.Decisions.Log;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions;

/// <summary>Personalizer's log calls for the loop that the key opens: the span it covers, and deleting it.</summary>
public static class DecisionLogApi
{
    public static IEndpointRouteBuilder MapDecisionLogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapPersonalizerGroup("Configuration");
        api.MapGet("/logs/properties", GetLogProperties).WithName("Log_GetProperties").Produces<LogsProperties>();
        api.MapDelete("/logs", DeleteLogs).WithName("Log_Delete").Produces(StatusCodes.Status204NoContent);
        return app;
    }

    public static async Task<IResult> GetLogProperties(HttpContext http, LoopLogDeletion log, CancellationToken ct)
    {
        var (from, to) = await log.RangeAsync(http.Loop().Id, ct);
        return TypedResults.Json(new LogsProperties(new DateRange(from, to)), PersonalizerJsonContext.Default.LogsProperties);
    }

    public static async Task<IResult> DeleteLogs(HttpContext http, LoopLogDeletion log, CancellationToken ct)
    {
        var loopId = http.Loop().Id;
        await log.DeleteAsync(loopId, Actor.LoopKey(loopId), ct);
        return TypedResults.NoContent();
    }
}
