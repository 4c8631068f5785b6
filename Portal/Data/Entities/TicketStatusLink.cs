namespace Portal.Data.Entities;

/// <summary>
/// A private status link of a ticket: 256 random bits given to the end user once, stored only as a SHA-256 hash.
/// A ticket has one per submission that it stands for, so every sender keeps a working link.
/// </summary>
public sealed class TicketStatusLink
{
    public required string TokenHash { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
