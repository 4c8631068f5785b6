using System.Text;
using Portal.Infrastructure.Security;
using Portal.Features.Feedback.Board;

namespace Portal.Features.Feedback;

/// <summary>The triage board's CSV download (the pages themselves are Razor components).</summary>
public static class FeedbackApi
{
    public const string ExportPath = "/tickets/export.csv";

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, ExportCsvAsync)
            .RequireAuthorization(PortalPolicies.TriageFeedback)
            .WithName("Feedback_ExportCsv")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Streams the tickets that the board's filter (in the query string) selects, in the board's order.</summary>
    public static async Task ExportCsvAsync(HttpContext http, FeedbackCsvExport export, TimeProvider clock, CancellationToken ct)
    {
        var (filter, sort, error) = TicketFilterQuery.Parse(http.Request.Query);
        if (error is not null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The export link is not valid: " + error, ct);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"feedback-tickets-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        // The byte-order mark tells spreadsheet programs that the file is UTF-8.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        // Exports are accountable: the export records who took which tickets out of Portal before its first row.
        await export.WriteAsync(Actor.From(http.User), filter!, sort!, new { query = http.Request.QueryString.Value }, writer, ct);
    }
}
