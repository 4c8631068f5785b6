using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Features.Accountability;
using Portal.Features.Loops;

namespace Portal.Features.PublicPages.DataHandling;

/// <summary>
/// <c>GET /data-handling/{loopId}</c>: a loop's data-handling statement for anyone (no login), rate limited per
/// address as the Why page is. A loop that does not exist or has published no statement gets 404 and the same page.
/// </summary>
public static class DataHandlingPageApi
{
    public static IEndpointRouteBuilder MapDataHandlingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(DataHandlingLinks.PathPrefix + "{loopId}", Show).WithName("DataHandlingStatement")
            .AllowAnonymous()
            .RequireRateLimiting(WhyPageRateLimit.Policy)
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<RazorComponentResult<DataHandlingDocument>> Show(string loopId, LoopDirectory loops, LoopOwners owners,
        DataHandlingStatements statements, CancellationToken ct)
    {
        DataHandlingPage? page = null;
        if (loops.Find(loopId) is { } loop && await statements.CurrentAsync(loop.Id, ct) is { } statement)
            page = new DataHandlingPage(loop.Name, await owners.FindAsync(loop.Id, ct), statement);
        return new RazorComponentResult<DataHandlingDocument>(new Dictionary<string, object?> { [nameof(DataHandlingDocument.Page)] = page })
        {
            StatusCode = page is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }
}
