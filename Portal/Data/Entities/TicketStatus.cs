namespace Portal.Data.Entities;

/// <summary>
/// Where a ticket is in triage: New → Triaged → InProgress → Resolved / WontFix / Duplicate → Closed.
/// Stored as its number, so that sorting by status follows the workflow.
/// </summary>
public enum TicketStatus
{
    New = 0,
    Triaged = 1,
    InProgress = 2,
    Resolved = 3,
    WontFix = 4,
    Duplicate = 5,
    Closed = 6,
}
