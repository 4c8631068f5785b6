namespace Portal.Data.Entities;

/// <summary>
/// One context feature of the decision a ticket is about (<c>user.ageBand</c> = "65+", <c>user.visits</c> = 7), kept
/// beside the ticket so the board can filter by any segment in SQL and the bias page can count tickets per group.
/// </summary>
public sealed class TicketContextValue
{
    public long Id { get; set; }
    public long TicketId { get; set; }

    /// <summary>The dotted path of the feature.</summary>
    public required string Feature { get; set; }

    /// <summary>A text or flag ("true"/"false"); null for a number.</summary>
    public string? Text { get; set; }

    /// <summary>A number; null for a text or flag.</summary>
    public double? Number { get; set; }
}
