using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Feedback.Public;

/// <summary>The ticket a private status link opens, found by the hash of its secret.</summary>
public sealed class TicketStatusQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Null for an unknown or malformed link (the page answers 404, whichever it was).</summary>
    public async Task<PublicTicketStatus?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > StatusLinkToken.MaxLength) return null;
        var hash = StatusLinkToken.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await (from link in db.TicketStatusLinks
                            join t in db.FeedbackTickets on link.TicketId equals t.Id
                            where link.TokenHash == hash
                            select new { t.Id, t.Reference, t.CreatedAt, t.Category, t.Status }).FirstOrDefaultAsync(ct);
        if (ticket is null) return null;
        var replies = await db.TicketComments.AsNoTracking()
            .Where(c => c.TicketId == ticket.Id && c.IsPublicReply)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new PublicReply(c.CreatedAt, c.Text)).ToListAsync(ct);
        return new PublicTicketStatus(ticket.Reference, ticket.CreatedAt, ticket.Category, ticket.Status, replies);
    }
}
