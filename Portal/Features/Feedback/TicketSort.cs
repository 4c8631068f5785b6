namespace Portal.Features.Feedback;

public enum TicketSortField
{
    Created,
    Reference,
    Category,
    Status,
    Priority,
    Assignee,
    Due,
    Submissions,
    Loop,
}

/// <summary>The board's order; ties are broken by the ticket's id so that paging is stable.</summary>
public sealed record TicketSort(TicketSortField Field, bool Descending)
{
    public static TicketSort Newest { get; } = new(TicketSortField.Created, Descending: true);
}
