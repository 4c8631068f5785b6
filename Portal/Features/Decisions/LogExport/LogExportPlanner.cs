using System.Globalization;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Checks an export before anything is written, for the API and the page alike: a known loop, a known format, a window
/// that is not reversed and does not start in the future, and decisions in it. A window without an end ends now, one
/// that ends in the future is cut at now, one without a start starts with the log.
/// </summary>
public sealed class LogExportPlanner(LoopDirectory loops, DecisionLogReader reader, LoopExportRulesReader rulesReader, TimeProvider clock)
{
    public async Task<LogExportPlanResult> PlanAsync(LogExportRequest request, CancellationToken ct)
    {
        if (loops.Find(request.LoopId) is not { } loop)
            return LogExportPlanResult.Refused(StatusCodes.Status404NotFound, ApiErrorCodes.ResourceNotFound, $"Loop '{request.LoopId}' does not exist, or was deleted.");
        if (!LogExportFormats.TryParse(request.Format, out var format))
            return Invalid($"format '{request.Format}' is not known: use {LogExportFormats.Names}.");
        var now = clock.GetUtcNow();
        if (request.From is { } start && start > now)
            return Invalid($"from ({Text(start)}) lies in the future: nothing is logged there yet.");
        if (request is { From: { } first, To: { } last } && first >= last)
            return Invalid($"from ({Text(first)}) must be earlier than to ({Text(last)}).");

        var from = request.From ?? DateTimeOffset.UnixEpoch;
        var to = request.To is { } end && end < now ? end : now;
        var (events, optedOut) = await reader.CountAsync(loop.Id, from, to, ct);
        if (events == 0)
            return LogExportPlanResult.Refused(StatusCodes.Status404NotFound, ApiErrorCodes.NoLogsExistInDateRange,
                request.From is null ? $"Loop '{loop.Id}' has logged no decisions up to {Text(to)}."
                    : $"Loop '{loop.Id}' logged no decisions between {Text(from)} and {Text(to)}.");

        var rules = await rulesReader.ReadAsync(loop.Id, loop.AuditOnlyFeatures, loop.Settings.DefaultReward, ct);
        return new LogExportPlanResult(new LogExportPlan(new LogExportWindow(loop.Id, from, to, format), rules, events, optedOut), null);
    }

    private static LogExportPlanResult Invalid(string message) =>
        LogExportPlanResult.Refused(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidExportLogsRequest, message);

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
