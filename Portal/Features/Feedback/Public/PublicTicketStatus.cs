using Portal.Data.Entities;

namespace Portal.Features.Feedback.Public;

/// <summary>
/// What the private status link shows the sender: status, reference, submitted time, category and the replies meant
/// for them. Never internal notes, the assignee, the contact details or the linked decision.
/// </summary>
public sealed record PublicTicketStatus(
    string Reference,
    DateTimeOffset SubmittedAt,
    FeedbackCategory Category,
    TicketStatus Status,
    IReadOnlyList<PublicReply> Replies);

public sealed record PublicReply(DateTimeOffset At, string Text);
