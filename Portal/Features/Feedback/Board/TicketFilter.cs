using Portal.Data.Entities;

namespace Portal.Features.Feedback.Board;

/// <summary>What the triage board (and its CSV export) shows. Empty collections and nulls mean "any".</summary>
public sealed record TicketFilter
{
    /// <summary>The <see cref="AssigneeId"/> value that asks for tickets nobody is assigned to.</summary>
    public const string Unassigned = "-";

    public IReadOnlyCollection<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyCollection<TicketPriority> Priorities { get; init; } = [];
    public IReadOnlyCollection<FeedbackCategory> Categories { get; init; } = [];
    public string? AssigneeId { get; init; }
    public bool OverdueOnly { get; init; }
    public string? LoopId { get; init; }

    /// <summary>A saved segment (<c>saved:12</c>) or a categorical value (<c>auto:user.ageBand=65+</c>) of the decision's context.</summary>
    public string? SegmentKey { get; init; }

    /// <summary>Quick search: a ticket reference, or words anywhere in the message.</summary>
    public string? Search { get; init; }

    /// <summary>Only tickets that existed when a long read began (the export pins its set with it).</summary>
    public long? IdAtMost { get; init; }

    /// <summary>The board opens on the tickets that still need work.</summary>
    public static TicketFilter OpenTickets { get; } = new() { Statuses = TicketWorkflow.Open };
}
