namespace Portal.Data.Entities;

/// <summary>
/// End-user feedback and its triage. The end user's text is stored as sent and only ever shown as text.
/// The client address is never stored: <see cref="SourceHash"/> is a keyed hash of it, used to collapse repeats.
/// </summary>
public sealed class FeedbackTicket
{
    public long Id { get; set; }

    /// <summary>Short, human-friendly and unique (<c>FB-7K3M9Q</c>); opens nothing by itself.</summary>
    public required string Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the same text from the same source last arrived; repeats within the window collapse into this ticket.</summary>
    public DateTimeOffset LastSubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public FeedbackCategory Category { get; set; }
    public string? ContactEmail { get; set; }
    public bool ConsentToContact { get; set; }

    /// <summary>HMAC of the client address under a key kept in the data folder (hex).</summary>
    public required string SourceHash { get; set; }

    /// <summary>SHA-256 of the normalized message (hex): the same text, whatever its spacing or case.</summary>
    public required string TextHash { get; set; }

    /// <summary>How many submissions this ticket stands for (repeats and merged duplicates).</summary>
    public int SubmissionCount { get; set; } = 1;

    /// <summary>The decision the feedback is about, when the form was opened from a signed decision link; kept when its copy goes.</summary>
    public string? LoopId { get; set; }
    public string? EventId { get; set; }


    public TicketStatus Status { get; set; }
    public TicketPriority Priority { get; set; }
    public string? AssigneeId { get; set; }
    public ApplicationUser? Assignee { get; set; }

    /// <summary>Created time plus the SLA of the current priority.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set when the ticket was merged into another one (status Duplicate).</summary>
    public long? DuplicateOfId { get; set; }

    // The long texts last: the board's filters read the short columns before them in each row.
    public required string Message { get; set; }

    /// <summary>
    /// The decision as it was when the feedback arrived (JSON), so the ticket shows it whatever becomes of the log; removed
    /// (with the ticket's context values, the ticket stays) once the decision is past its loop's log retention.
    /// </summary>
    public string? DecisionJson { get; set; }
}
