using Portal.Infrastructure.Export;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// The board's tickets as CSV, with the board's filter and order: pages through <see cref="TicketQueries.PageAsync"/>,
/// pinned to the tickets that existed when the export began, so new arrivals cannot shift rows between pages.
/// </summary>
public sealed class FeedbackCsvExport(TicketQueries queries)
{
    private const int ChunkSize = TicketQueries.MaxPageSize;

    public static readonly string[] Columns =
        ["Reference", "Created (UTC)", "Category", "Status", "Priority", "Assignee", "Due (UTC)", "Overdue", "Loop", "Event", "Submissions", "Message"];

    public async Task<int> WriteAsync(TicketFilter filter, TicketSort sort, TextWriter output, CancellationToken ct)
    {
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
