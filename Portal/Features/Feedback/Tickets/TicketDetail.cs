using Portal.Data.Entities;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// Everything a reviewer sees of one ticket. <see cref="DecisionNoLongerKept"/>: the feedback was about a decision, but
/// its copy went with the decision when that passed its loop's log retention.
/// </summary>
public sealed record TicketDetail(
    long Id,
    string Reference,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSubmittedAt,
    FeedbackCategory Category,
    string Message,
    string? ContactEmail,
    bool ConsentToContact,
    int SubmissionCount,
    TicketStatus Status,
    TicketPriority Priority,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset DueAt,
    bool Overdue,
    DecisionSnapshot? Decision,
    bool DecisionNoLongerKept,
    string? DuplicateOfReference,
    IReadOnlyList<string> MergedDuplicates,
    IReadOnlyList<TicketCommentView> Comments,
    IReadOnlyList<TicketHistoryView> History);

public sealed record TicketCommentView(DateTimeOffset At, string Author, string Text, bool IsPublicReply);

public sealed record TicketHistoryView(DateTimeOffset At, string Actor, TicketChange Change, string Detail);
