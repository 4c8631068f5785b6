namespace Portal.Data.Entities;

/// <summary>One change of a ticket, with who made it and when; only ever appended.</summary>
public sealed class TicketHistoryEntry
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public TicketChange Change { get; set; }
    public required string Detail { get; set; }
}
