using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// Notes in a ticket's history what was done about its decision from the ticket (the audit log holds the act itself).
/// Policy <see cref="PortalPolicies.TriageFeedback"/>.
/// </summary>
public sealed class TicketOversightNotes(IDbContextFactory<PortalDbContext> dbFactory, ActorAuthorization authorization, TimeProvider clock)
{
    public async Task NoteAsync(long ticketId, Actor actor, string detail, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.TriageFeedback);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        db.TicketHistory.Add(TicketHistoryEntries.Of(ticketId, actor, now, TicketChange.Oversight, detail));
        await db.FeedbackTickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
    }
}
