using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Decisions.Retention;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Feedback;

/// <summary>
/// A ticket's copy of its decision (<see cref="DecisionSnapshot"/> and the context values the board filters by) is data
/// about that decision: it goes when the decision is past its loop's log retention, as the decision itself does. The
/// ticket stays, with what the end user wrote, and its page says that the decision is no longer kept.
/// </summary>
public sealed class ExpiredTicketSnapshots(IDbContextFactory<PortalDbContext> dbFactory) : IExpiringData
{
    public const string Snapshots = "ticketSnapshots";
    public const string ContextValues = "ticketContextValues";

    // CreatedAt as stored (Unix milliseconds): a raw query gets no value converter.
    private sealed record Candidate(long Id, long CreatedAt, string? DecidedAt);

    public async IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        List<Candidate> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // The decision's own time, read inside the database so that only the one field leaves it.
            candidates = await (db.Database.IsNpgsql()
                ? db.Database.SqlQuery<Candidate>($"""
                    SELECT Id AS "Id", CreatedAt AS "CreatedAt", DecisionJson::jsonb ->> 'decidedAt' AS "DecidedAt"
                    FROM FeedbackTickets WHERE LoopId = {loopId} AND DecisionJson IS NOT NULL
                    """)
                : db.Database.SqlQuery<Candidate>($"""
                    SELECT Id, CreatedAt, json_extract(DecisionJson, '$.decidedAt') AS DecidedAt
                    FROM FeedbackTickets WHERE LoopId = {loopId} AND DecisionJson IS NOT NULL
                    """)).ToListAsync(ct);
        }
        var expired = candidates.Where(t => DecidedAt(t) < cutoff).Select(t => t.Id).ToList();
        foreach (var chunk in expired.Chunk(batchSize))
        {
            yield return PurgeBatches.ByIds(chunk,
                (ContextValues, "DELETE FROM TicketContextValues WHERE TicketId IN {ids}"),
                (Snapshots, "UPDATE FeedbackTickets SET DecisionJson = NULL WHERE Id IN {ids} AND DecisionJson IS NOT NULL"));
        }
    }

    /// <summary>When the decision was made; a snapshot without a readable time counts from the ticket, which came after it.</summary>
    private static DateTimeOffset DecidedAt(Candidate ticket) =>
        DateTimeOffset.TryParse(ticket.DecidedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.FromUnixTimeMilliseconds(ticket.CreatedAt);
}
