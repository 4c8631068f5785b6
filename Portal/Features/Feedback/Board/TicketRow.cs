using Portal.Data.Entities;

namespace Portal.Features.Feedback.Board;

/// <summary>One ticket as the board lists it and the CSV export writes it.</summary>
public sealed record TicketRow(
    long Id,
    string Reference,
    DateTimeOffset CreatedAt,
    FeedbackCategory Category,
    TicketStatus Status,
    TicketPriority Priority,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset DueAt,
    bool Overdue,
    string? LoopId,
    string? EventId,
    int SubmissionCount,
    string Message);
