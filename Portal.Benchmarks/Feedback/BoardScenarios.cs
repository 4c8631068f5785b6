using Portal.Data.Entities;
using Portal.Features.Feedback.Board;

namespace Portal.Benchmarks.Feedback;

/// <summary>The board views a reviewer moves through: the first page, then one filter or order change at a time.</summary>
public sealed record BoardScenarios(string Name, TicketFilter Filter, TicketSort Sort, bool LastPage = false)
{
    public int Skip(int total) => LastPage ? Math.Max(0, total - 25) : 0;

    public static IEnumerable<BoardScenarios> All(string assigneeId)
    {
        var open = TicketFilter.OpenTickets;
        var all = new TicketFilter();
        return
        [
            new("first page: open tickets, newest first", open, TicketSort.Newest),
            new("all tickets, newest first", all, TicketSort.Newest),
            new("status New", all with { Statuses = [TicketStatus.New] }, TicketSort.Newest),
            new("priority P1 + P2 (open)", open with { Priorities = [TicketPriority.P1, TicketPriority.P2] }, TicketSort.Newest),
            new("category Unfair or biased (open)", open with { Categories = [FeedbackCategory.UnfairOrBiased] }, TicketSort.Newest),
            new("assignee = one reviewer (open)", open with { AssigneeId = assigneeId }, TicketSort.Newest),
            new("unassigned (open)", open with { AssigneeId = TicketFilter.Unassigned }, TicketSort.Newest),
            new("overdue only", open with { OverdueOnly = true }, TicketSort.Newest),
            new("loop = checkout (open)", open with { LoopId = "checkout" }, TicketSort.Newest),
            new("quick search: a word (\"refund\"), all tickets", all with { Search = "refund" }, TicketSort.Newest),
            new("quick search: a word in most messages (\"the\"), all tickets", all with { Search = "the" }, TicketSort.Newest),
            new("quick search: a rare word (\"xylophone\"), all tickets", all with { Search = "xylophone" }, TicketSort.Newest),
            new("quick search: a word in no message, all tickets", all with { Search = "zebra" }, TicketSort.Newest),
            new("quick search: a reference", all with { Search = "FB-ZZZZZZ" }, TicketSort.Newest),
            new("open + P2 + unfair + loop demo", open with { Priorities = [TicketPriority.P2], Categories = [FeedbackCategory.UnfairOrBiased], LoopId = "demo" }, TicketSort.Newest),
            new("open, sorted by due time", open, new TicketSort(TicketSortField.Due, false)),
            new("open, sorted by priority", open, new TicketSort(TicketSortField.Priority, false)),
            new("all, sorted by assignee", all, new TicketSort(TicketSortField.Assignee, false)),
            new("all, last page", all, TicketSort.Newest, LastPage: true),
        ];
    }
}
