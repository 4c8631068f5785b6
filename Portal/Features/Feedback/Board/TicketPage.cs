namespace Portal.Features.Feedback.Board;

/// <summary>One page of the board, and how many tickets the filter selects in all.</summary>
public sealed record TicketPage(IReadOnlyList<TicketRow> Items, int Total);
