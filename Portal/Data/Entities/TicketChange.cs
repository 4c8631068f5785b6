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

    /// <summary>An oversight action taken from the ticket (a freeze, a rule); the audit log has its details.</summary>
    Oversight,

    /// <summary>What the ticket held about its sender was erased at their request (a data-subject erasure).</summary>
    Erased,
}
