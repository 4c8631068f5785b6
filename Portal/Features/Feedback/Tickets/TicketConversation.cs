using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// Reviewers' comments on a ticket: internal notes, or replies that the end user reads on the status page. Policy
/// <see cref="PortalPolicies.TriageFeedback"/>.
/// </summary>
public sealed class TicketConversation(IDbContextFactory<PortalDbContext> dbFactory, ActorAuthorization authorization, TimeProvider clock)
{
    public async Task<TriageResult> AddAsync(long ticketId, string? text, bool isPublicReply, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.TriageFeedback);
        var cleaned = MessageText.Clean(text);
        if (cleaned.Length == 0) return new TriageResult("Write something first.");
        if (cleaned.Length > FeedbackTicketConfiguration.MessageMaxLength) return new TriageResult("A comment has at most 4,000 characters.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FeedbackTickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null) return new TriageResult("No such ticket.");
        var now = clock.GetUtcNow();
        ticket.UpdatedAt = now;
        db.TicketComments.Add(new TicketComment
        {
            TicketId = ticketId, CreatedAt = now, AuthorId = actor.UserId, AuthorName = actor.Name, Text = cleaned, IsPublicReply = isPublicReply,
        });
        db.TicketHistory.Add(TicketHistoryEntries.Of(ticketId, actor, now,
            isPublicReply ? TicketChange.Reply : TicketChange.InternalNote,
            isPublicReply ? "Replied to the end user." : "Added an internal note."));
        await db.SaveChangesAsync(ct);
        return TriageResult.Ok;
    }
}
