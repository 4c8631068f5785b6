using Portal.Features.Audit;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// The board's tickets as CSV, with the board's filter and order: pages through <see cref="TicketQueries.PageAsync"/>,
/// pinned to the tickets that existed when the export began, so new arrivals cannot shift rows between pages. Only for
/// <see cref="PortalPolicies.TriageFeedback"/>, and recorded in the audit log (who took which tickets) before any row.
/// </summary>
public sealed class FeedbackCsvExport(TicketQueries queries, AuditExports exports, ActorAuthorization authorization)
{
    private const int ChunkSize = TicketQueries.MaxPageSize;

    public static readonly string[] Columns =
        ["Reference", "Created (UTC)", "Category", "Status", "Priority", "Assignee", "Due (UTC)", "Overdue", "Loop", "Event", "Submissions", "Message"];

    /// <param name="recorded">The filter as the audit entry names it (the board's query string).</param>
    public async Task<int> WriteAsync(Actor actor, TicketFilter filter, TicketSort sort, object recorded, TextWriter output, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.TriageFeedback);
        await exports.RecordAsync(actor, "feedback-tickets", recorded, ct);
        var csv = new CsvWriter(output);
        csv.Row(Columns);
        var pinned = filter with { IdAtMost = await queries.LatestIdAsync(ct) };
        var written = 0;
        while (true)
        {
            var page = await queries.PageAsync(pinned, sort, written, ChunkSize, ct, countTotal: false);
            foreach (var row in page.Items)
            {
                csv.Text(row.Reference).Time(row.CreatedAt).Text(TicketLabels.Of(row.Category)).Text(TicketLabels.Of(row.Status))
                    .Text(row.Priority.ToString()).Text(row.AssigneeName).Time(row.DueAt).Text(row.Overdue ? "yes" : "no")
                    .Text(row.LoopId).Text(row.EventId).Number(row.SubmissionCount).Text(row.Message).EndRow();
            }
            written += page.Items.Count;
            await output.FlushAsync(ct);
            if (page.Items.Count < ChunkSize) return written;
        }
    }
}
