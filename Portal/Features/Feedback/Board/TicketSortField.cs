namespace Portal.Features.Feedback.Board;

/// <summary>The columns the board sorts by.</summary>
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
