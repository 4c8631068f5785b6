namespace Portal.Data.Entities;

/// <summary>A reviewer's internal note, or a reply that the end user sees on the status page.</summary>
public sealed class TicketComment
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? AuthorId { get; set; }

    /// <summary>The author's name when written: it stays readable if the account is deleted.</summary>
    public required string AuthorName { get; set; }

    public required string Text { get; set; }
    public bool IsPublicReply { get; set; }
}
