using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>Builds the history row that every change of a ticket appends.</summary>
public static class TicketHistoryEntries
{
    public static TicketHistoryEntry Of(long ticketId, Actor actor, DateTimeOffset at, TicketChange change, string detail) => new()
    {
        TicketId = ticketId,
        At = at,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Change = change,
        Detail = detail.Length > 1000 ? detail[..1000] : detail,
    };
}
