using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Tickets;

/// <summary>One ticket with its decision, comments, history and merge links, for the ticket page.</summary>
public sealed class TicketDetailQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<TicketDetail?> GetAsync(string reference, CancellationToken ct)
    {
        var normalized = TicketReference.Normalize(reference);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FeedbackTickets.AsNoTracking().Include(t => t.Assignee)
            .FirstOrDefaultAsync(t => t.Reference == normalized, ct);
        if (ticket is null) return null;

        var duplicateOf = ticket.DuplicateOfId is { } primaryId
            ? await db.FeedbackTickets.Where(t => t.Id == primaryId).Select(t => t.Reference).FirstOrDefaultAsync(ct)
            : null;
        var merged = await db.FeedbackTickets.Where(t => t.DuplicateOfId == ticket.Id).OrderBy(t => t.Id)
            .Select(t => t.Reference).ToListAsync(ct);
        var comments = await db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticket.Id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new TicketCommentView(c.CreatedAt, c.AuthorName, c.Text, c.IsPublicReply)).ToListAsync(ct);
        var history = await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == ticket.Id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new TicketHistoryView(h.At, h.ActorName, h.Change, h.Detail)).ToListAsync(ct);

        var overdue = TicketWorkflow.IsOverdue(ticket.Status, ticket.DueAt, clock.GetUtcNow());
        return new TicketDetail(ticket.Id, ticket.Reference, ticket.CreatedAt, ticket.LastSubmittedAt, ticket.Category, ticket.Message,
            ticket.ContactEmail, ticket.ConsentToContact, ticket.SubmissionCount, ticket.Status, ticket.Priority, ticket.AssigneeId,
            ticket.Assignee?.Email, ticket.DueAt, overdue, DecisionSnapshot.Read(ticket.DecisionJson),
            ticket.EventId is not null && ticket.DecisionJson is null, duplicateOf, merged, comments, history);
    }
}
