namespace Portal.Features.Feedback;

/// <summary>The navigation's counters: new tickets, and open tickets past their due time.</summary>
public sealed record FeedbackCounts(int New, int Overdue);
