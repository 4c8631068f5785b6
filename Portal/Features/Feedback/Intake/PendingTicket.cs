using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Feedback.Intake;

/// <summary>A checked feedback post waiting for the intake writer; completed once its transaction has committed.</summary>
public sealed class PendingTicket : PendingWrite<StoredTicket>
{
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>A ticket last sent at or after this time with the same source and text takes this post as a repeat.</summary>
    public required DateTimeOffset RepeatSince { get; init; }

    public required FeedbackCategory Category { get; init; }
    public required string Message { get; init; }
    public required string? ContactEmail { get; init; }
    public required bool ConsentToContact { get; init; }
    public required string SourceHash { get; init; }
    public required string TextHash { get; init; }
    public required DecisionSnapshot? Decision { get; init; }
    public required TicketPriority Priority { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string StatusTokenHash { get; init; }
}
