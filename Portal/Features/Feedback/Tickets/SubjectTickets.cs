using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// The feedback tickets about a person, for data-subject requests: those whose decision snapshot names them, those
/// linked (loop and event id) to a logged decision that does, and those sent with their contact address (in any case).
/// Erasing keeps the ticket (its category,
/// status, priority and history count in the figures, and reviewers see that it existed) but removes the person:
/// the message and every comment become <see cref="ErasedText"/> (the sender may have written anything about
/// themselves, and replies quote them), and the contact address, the decision snapshot and link, the context rows,
/// the status links and the source and text hashes are gone.
/// </summary>
public sealed class SubjectTickets(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IPersonalData
{
    public const string ErasedText = "[erased at the data subject's request]";
    public const string Kind = "tickets";
    public const string EmailsKind = "contactEmails";
    private const string Label = "Feedback tickets";
    private const string EmailsLabel = "Contact email addresses";
    private const int Batch = 100;

    public int ErasureOrder => 0;

    public string Step => Label;

    public async Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MatchingAsync(db, subject, ct);
        var emails = await db.FeedbackTickets.LongCountAsync(t => ids.Contains(t.Id) && t.ContactEmail != null, ct);
        progress.Report(1);
        return [new HeldCount(Kind, Label, ids.Count), new HeldCount(EmailsKind, EmailsLabel, emails)];
    }

    public async Task WriteAsync(DataSubject subject, Utf8JsonWriter json, CancellationToken ct)
    {
        json.WriteStartArray(Kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in (await MatchingAsync(db, subject, ct)).Chunk(Batch))
        {
            var comments = (await db.TicketComments.AsNoTracking().Where(c => chunk.Contains(c.TicketId)).OrderBy(c => c.CreatedAt).ToListAsync(ct)).ToLookup(c => c.TicketId);
            var history = (await db.TicketHistory.AsNoTracking().Where(h => chunk.Contains(h.TicketId)).OrderBy(h => h.At).ToListAsync(ct)).ToLookup(h => h.TicketId);
            await foreach (var ticket in db.FeedbackTickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                TicketExport.Write(json, ticket, comments[ticket.Id], history[ticket.Id]);
                await ExportFlush.IfDueAsync(json, ct);
            }
        }
        json.WriteEndArray();
    }

    public async Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct)
    {
        erasure.Add(Kind, Label, 0);
        erasure.Add(EmailsKind, EmailsLabel, 0);
        List<long> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) ids = await MatchingAsync(db, erasure.Subject, ct);
        var done = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            ct.ThrowIfCancellationRequested();
            var emails = await EraseBatchAsync(chunk, erasure, ct);
            erasure.Add(Kind, Label, chunk.Length);
            erasure.Add(EmailsKind, EmailsLabel, emails);
            progress.Report((double)(done += chunk.Length) / ids.Count);
        }
        progress.Report(1);
    }

    /// <summary>One transaction per batch; returns how many contact addresses it removed.</summary>
    private async Task<int> EraseBatchAsync(long[] ids, Erasure erasure, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var emails = await db.FeedbackTickets.CountAsync(t => ids.Contains(t.Id) && t.ContactEmail != null, ct);
        await db.FeedbackTickets.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.Message, ErasedText)
            .SetProperty(x => x.ContactEmail, (string?)null)
            .SetProperty(x => x.ConsentToContact, false)
            .SetProperty(x => x.DecisionJson, (string?)null)
            .SetProperty(x => x.EventId, (string?)null)
            .SetProperty(x => x.SourceHash, "")
            .SetProperty(x => x.TextHash, "")
            .SetProperty(x => x.UpdatedAt, now), ct);
        await db.TicketComments.Where(c => ids.Contains(c.TicketId)).ExecuteUpdateAsync(c => c.SetProperty(x => x.Text, ErasedText), ct);
        await db.TicketContextValues.Where(v => ids.Contains(v.TicketId)).ExecuteDeleteAsync(ct);
        await db.TicketStatusLinks.Where(l => ids.Contains(l.TicketId)).ExecuteDeleteAsync(ct);
        db.TicketHistory.AddRange(ids.Select(id => TicketHistoryEntries.Of(id, erasure.Actor, now, TicketChange.Erased,
            "Erased at the data subject's request: the message, comments, contact address and decision are gone.")));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return emails;
    }

    private static Task<List<long>> MatchingAsync(PortalDbContext db, DataSubject subject, CancellationToken ct) =>
        SubjectSql.IdsAsync(db.Database, subject, MatchingSql, PostgresMatchingSql, [("$subjectEmail", subject.ContactEmail)], ct);

    // A ticket's snapshot is a copy of its decision, so it still names the person after the log's retention deleted the
    // decision; the link by loop and event id finds one whose snapshot could not be read. Addresses are stored as typed
    // (trimmed): the subject's is in lower case, so the stored one is compared in lower case. Without an id (a subject
    // known by the address only) the JSON tests are skipped; without an address its parameter is NULL and matches nothing.
    // The casts type the parameters for PostgreSQL, which cannot infer the type of a NULL compared with nothing.
    private static string Matching(bool postgres) => $"""
        SELECT t.Id AS "Value" FROM FeedbackTickets AS t
        WHERE (CAST($subjectId AS TEXT) IS NOT NULL AND (
               (t.DecisionJson IS NOT NULL AND {SubjectSql.Names("t.DecisionJson", postgres)})
            OR (t.EventId IS NOT NULL AND EXISTS (SELECT 1 FROM Decisions AS d
                WHERE d.LoopId = t.LoopId AND d.EventId = t.EventId AND {SubjectSql.Names("d.RequestJson", postgres)}))))
           OR (t.ContactEmail IS NOT NULL AND lower(t.ContactEmail) = CAST($subjectEmail AS TEXT))
        ORDER BY t.Id
        """;

    private static readonly string MatchingSql = Matching(postgres: false);
    private static readonly string PostgresMatchingSql = DbCommands.ForPostgres(Matching(postgres: true));
}
