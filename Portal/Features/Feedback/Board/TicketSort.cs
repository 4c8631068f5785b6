namespace Portal.Features.Feedback.Board;

/// <summary>The board's order; ties are broken by the ticket's id so that paging is stable.</summary>
public sealed record TicketSort(TicketSortField Field, bool Descending)
{
    public static TicketSort Newest { get; } = new(TicketSortField.Created, Descending: true);
}
