using System.Linq.Expressions;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>
/// The allowed status changes: New → Triaged → In progress → Resolved / Won't fix → Closed; Triaged may go to Won't fix
/// directly, Resolved and Won't fix may be reopened (In progress). Duplicate is reached only by merging a ticket into
/// another, from any open status. Closed is final.
/// </summary>
public static class TicketWorkflow
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Next = new()
    {
        [TicketStatus.New] = [TicketStatus.Triaged],
        [TicketStatus.Triaged] = [TicketStatus.InProgress, TicketStatus.WontFix],
        [TicketStatus.InProgress] = [TicketStatus.Resolved, TicketStatus.WontFix],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.WontFix] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.Duplicate] = [TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    /// <summary>Statuses in which a ticket still needs work (and can be overdue).</summary>
    public static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Triaged, TicketStatus.InProgress];

    public static IReadOnlyList<TicketStatus> NextOf(TicketStatus from) => Next[from];

    public static bool IsOpen(TicketStatus status) => Array.IndexOf(Open, status) >= 0;

    /// <summary>An open ticket past its due time.</summary>
    public static bool IsOverdue(TicketStatus status, DateTimeOffset dueAt, DateTimeOffset now) => IsOpen(status) && dueAt < now;

    /// <summary><see cref="IsOverdue"/> as a query condition, for the database to evaluate.</summary>
    public static Expression<Func<FeedbackTicket, bool>> OverdueAt(DateTimeOffset now) => t => Open.Contains(t.Status) && t.DueAt < now;

    /// <summary>Null when the change is allowed; otherwise a sentence saying why not and what is possible.</summary>
    public static string? Refusal(string reference, TicketStatus from, TicketStatus to)
    {
        if (from == to) return $"{reference} is already {TicketLabels.Of(to)}.";
        if (Next[from].Contains(to)) return null;
        if (to == TicketStatus.Duplicate) return $"Mark {reference} as a duplicate with Merge, naming the ticket it duplicates.";
        return Next[from].Length == 0
            ? $"{reference} is {TicketLabels.Of(from)}: its status can no longer change."
            : $"{reference} is {TicketLabels.Of(from)}: it can move to {string.Join(" or ", Next[from].Select(TicketLabels.Of))}, not to {TicketLabels.Of(to)}.";
    }

    /// <summary>Null when the ticket may be merged into another; otherwise why not.</summary>
    public static string? MergeRefusal(string reference, TicketStatus status) =>
        IsOpen(status) ? null : $"{reference} is {TicketLabels.Of(status)}: only open tickets (New, Triaged, In progress) can be merged.";
}
