using System.Globalization;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// The decision log's export for automation (<c>GET /api/v1/loops/{loopId}/logs</c>, personal API tokens) and the portal's
/// download (<c>GET /decision-log/export</c>, signed-in session, reporting progress to the page under its ticket). Both
/// need <see cref="PortalPolicies.ReadDecisionLog"/>, stream while they read, and are audited.
/// </summary>
public static class LogExportApi
{
    public const string Route = "/loops/{loopId}/logs";
    public const string PortalRoute = "/decision-log/export";

    public static IEndpointRouteBuilder MapLogExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Decision log");
        api.MapGet(Route, Export).WithName("Log_Export").RequireAuthorization(PortalPolicies.ReadDecisionLog)
            .WithSummary("The loop's decisions logged in [from, to) as Vowpal Wabbit DSJSON (one event a line, as Personalizer logged) or CSV, streamed; audited.")
            .WithDescription("from and to are ISO 8601 times (no from: the log's start; no to, or a to in the future: now). format is dsjson (default) or csv. "
                + "Keys starting with '_' (the user id) and the loop's audit-only features are never exported; opted-out decisions have an empty context; "
                + "decisions Portal does not learn from carry _skipLearn. 400 InvalidExportLogsRequest (unknown format, bad, reversed or future window), "
                + "404 ResourceNotFound (unknown or deleted loop), 404 NoLogsExistInDateRange (no decisions in the window).")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        app.MapGet(PortalRoute, ExportFromPortal).RequireAuthorization(PortalPolicies.ReadDecisionLog).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Export(string loopId, string? from, string? to, string? format, HttpContext http,
        LogExportPlanner planner, LogExporter exporter, CancellationToken ct)
    {
        if (Read(loopId, from, to, format) is not { } request) return ApiResults.BadRequest(ApiErrorCodes.InvalidExportLogsRequest, TimeProblem(from, to));
        var planned = await planner.PlanAsync(request, ct);
        if (planned.Problem is { } problem) return ApiResults.Error(problem.Status, problem.Code, problem.Message);
        await StreamAsync(http, exporter, planned.Plan!, progress: null, ct);
        return TypedResults.Empty;
    }

    /// <summary>The page's download: refusals as plain sentences for the browser tab, progress to the page's ticket.</summary>
    public static async Task<IResult> ExportFromPortal(string loopId, string? from, string? to, string? format, Guid? ticket, HttpContext http,
        LogExportPlanner planner, LogExporter exporter, ExportProgressBoard board, CancellationToken ct)
    {
        if (Read(loopId, from, to, format) is not { } request) return TypedResults.BadRequest(TimeProblem(from, to));
        var planned = await planner.PlanAsync(request, ct);
        if (planned.Problem is { } problem) return TypedResults.Text(problem.Message, statusCode: problem.Status);
        var reporter = board.For(ticket, Actor.From(http.User).UserId, planned.Plan!.Events);
        try
        {
            await StreamAsync(http, exporter, planned.Plan, reporter, ct);
        }
        finally
        {
            reporter.Finish();
        }
        return TypedResults.Empty;
    }

    /// <summary>The address of a download from the page.</summary>
    public static string PortalHref(string loopId, DateTimeOffset from, DateTimeOffset to, LogExportFormat format, Guid ticket) =>
        PortalRoute.TrimStart('/') + QueryString.Create(new Dictionary<string, string?>
        {
            ["loopId"] = loopId,
            ["from"] = from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["format"] = format.Name(),
            ["ticket"] = ticket.ToString("N"),
        });

    private static async Task StreamAsync(HttpContext http, LogExporter exporter, LogExportPlan plan, IProgress<long>? progress, CancellationToken ct)
    {
        var window = plan.Window;
        http.Response.ContentType = window.Format.ContentType();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{window.LoopId}-decisions-{window.From.UtcDateTime:yyyyMMdd-HHmmss}-{window.To.UtcDateTime:yyyyMMdd-HHmmss}.{window.Format.Extension()}\"";
        // The count as planned, for clients that show progress themselves; decisions logged meanwhile may add a few.
        http.Response.Headers["X-Decision-Count"] = plan.Events.ToString(CultureInfo.InvariantCulture);
        await exporter.WriteAsync(plan, Actor.From(http.User), http.Response.Body, progress, ct);
    }

    private static LogExportRequest? Read(string loopId, string? from, string? to, string? format) =>
        TryTime(from, out var start) && TryTime(to, out var end) ? new LogExportRequest(loopId, start, end, format) : null;

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        time = parsed;
        return true;
    }

    private static string TimeProblem(string? from, string? to) =>
        (TryTime(from, out _) ? $"to '{to}'" : $"from '{from}'") + " is not a time: use ISO 8601, e.g. 2026-01-31T00:00:00Z.";
}
