namespace Portal.Data.Entities;

/// <summary>The kind of a ticket history entry.</summary>
public enum TicketChange
{
    Submitted,
    SubmittedAgain,
    Status,
    Priority,
    Assignee,
    InternalNote,
    Reply,
    Merged,
}
