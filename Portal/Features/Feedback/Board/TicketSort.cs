namespace Portal.Features.Feedback.Board;

/// <summary>The board's order; ties are broken by the ticket's id so that paging is stable.</summary>
public sealed record TicketSort(TicketSortField Field, bool Descending)
{
    public static TicketSort Newest { get; } = new(TicketSortField.Created, Descending: true);

    private static readonly Dictionary<string, TicketSortField> ByColumn = new(StringComparer.Ordinal)
    {
        [nameof(TicketRow.Reference)] = TicketSortField.Reference,
        [nameof(TicketRow.CreatedAt)] = TicketSortField.Created,
        [nameof(TicketRow.Category)] = TicketSortField.Category,
        [nameof(TicketRow.Status)] = TicketSortField.Status,
        [nameof(TicketRow.Priority)] = TicketSortField.Priority,
        [nameof(TicketRow.AssigneeName)] = TicketSortField.Assignee,
        [nameof(TicketRow.DueAt)] = TicketSortField.Due,
        [nameof(TicketRow.SubmissionCount)] = TicketSortField.Submissions,
        [nameof(TicketRow.LoopId)] = TicketSortField.Loop,
    };

    /// <summary>The order a board column (named by its <see cref="TicketRow"/> property) asks for; newest first when none.</summary>
    public static TicketSort ForColumn(string? column, bool descending) =>
        column is not null && ByColumn.TryGetValue(column, out var field) ? new TicketSort(field, descending) : Newest;
}
