using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// The triage board's one query: filters, sorts and pages in SQL. The CSV export pages through the same method, and
/// the navigation counters use the same definition of overdue (open and past due).
/// </summary>
public sealed class TicketQueries(IDbContextFactory<PortalDbContext> dbFactory, SegmentChoices segments, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    /// <param name="countTotal">False skips the count (the export pages without it).</param>
    public async Task<TicketPage> PageAsync(TicketFilter filter, TicketSort sort, int skip, int take, CancellationToken ct, bool countTotal = true)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = Filtered(db, filter, now);
        var total = countTotal ? await tickets.CountAsync(ct) : -1;
        if (total == 0) return new TicketPage([], 0);
        // Step one finds the page's ids (from an index where one covers the filter and order); step two reads those rows.
        var ids = await Sorted(tickets, sort).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).Select(t => t.Id).ToListAsync(ct);
        var rows = await db.FeedbackTickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TicketRow(t.Id, t.Reference, t.CreatedAt, t.Category, t.Status, t.Priority, t.AssigneeId,
                t.Assignee == null ? null : t.Assignee.Email,
                t.DueAt,
                TicketWorkflow.IsOverdue(t.Status, t.DueAt, now),
                t.LoopId, t.EventId, t.SubmissionCount, t.Message))
            .ToDictionaryAsync(r => r.Id, ct);
        return new TicketPage(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total);
    }

    /// <summary>The newest ticket's id (0 when there is none).</summary>
    public async Task<long> LatestIdAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FeedbackTickets.MaxAsync(t => (long?)t.Id, ct) ?? 0;
    }

    /// <summary>New tickets, and open tickets past their due time: the navigation's counters.</summary>
    public async Task<FeedbackCounts> CountsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fresh = await db.FeedbackTickets.CountAsync(t => t.Status == TicketStatus.New, ct);
        var overdue = await Overdue(db.FeedbackTickets, now).CountAsync(ct);
        return new FeedbackCounts(fresh, overdue);
    }

    private static IQueryable<FeedbackTicket> Overdue(IQueryable<FeedbackTicket> tickets, DateTimeOffset now) =>
        tickets.Where(TicketWorkflow.OverdueAt(now));

    private IQueryable<FeedbackTicket> Filtered(PortalDbContext db, TicketFilter filter, DateTimeOffset now)
    {
        var tickets = db.FeedbackTickets.AsNoTracking();
        if (filter.IdAtMost is { } maxId) tickets = tickets.Where(t => t.Id <= maxId);
        if (filter.OverdueOnly) tickets = Overdue(tickets, now);
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.Distinct().ToArray();
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }
        if (filter.Priorities.Count > 0)
        {
            var priorities = filter.Priorities.Distinct().ToArray();
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }
        if (filter.Categories.Count > 0)
        {
            var categories = filter.Categories.Distinct().ToArray();
            tickets = tickets.Where(t => categories.Contains(t.Category));
        }
        if (filter.AssigneeId == TicketFilter.Unassigned) tickets = tickets.Where(t => t.AssigneeId == null);
        else if (!string.IsNullOrEmpty(filter.AssigneeId)) tickets = tickets.Where(t => t.AssigneeId == filter.AssigneeId);
        if (!string.IsNullOrEmpty(filter.LoopId)) tickets = tickets.Where(t => t.LoopId == filter.LoopId);
        if (!string.IsNullOrEmpty(filter.SegmentKey))
        {
            // An unknown key (a segment deleted since the link was made) matches nothing rather than everything.
            tickets = segments.Resolve(filter.SegmentKey) is { } segment
                ? TicketSegmentFilter.Apply(tickets, db, segment.Definition)
                : tickets.Where(_ => false);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // A reference (FB-7K3M9Q) is looked up by its unique index; other text in the messages' search index.
            if (TicketReference.IsReference(filter.Search))
            {
                var reference = TicketReference.Normalize(filter.Search);
                tickets = tickets.Where(t => t.Reference == reference);
            }
            else if (filter.Search.Trim() is { Length: >= TicketSearchIndex.MinimumLength } text)
            {
                var matching = TicketSearchIndex.Matching(db, text);
                tickets = tickets.Where(t => matching.Contains(t.Id));
            }
            else
            {
                tickets = tickets.Where(TicketSearchIndex.Contains(db, filter.Search.Trim()));
            }
        }
        return tickets;
    }

    private static IQueryable<FeedbackTicket> Sorted(IQueryable<FeedbackTicket> tickets, TicketSort sort)
    {
        var ordered = sort.Field switch
        {
            TicketSortField.Reference => By(tickets, t => t.Reference, sort.Descending),
            TicketSortField.Category => By(tickets, t => t.Category, sort.Descending),
            TicketSortField.Status => By(tickets, t => t.Status, sort.Descending),
            TicketSortField.Priority => By(tickets, t => t.Priority, sort.Descending),
            TicketSortField.Assignee => By(tickets, t => t.Assignee == null ? null : t.Assignee.Email, sort.Descending),
            TicketSortField.Due => By(tickets, t => t.DueAt, sort.Descending),
            TicketSortField.Submissions => By(tickets, t => t.SubmissionCount, sort.Descending),
            TicketSortField.Loop => By(tickets, t => t.LoopId, sort.Descending),
            _ => By(tickets, t => t.CreatedAt, sort.Descending),
        };
        return sort.Descending ? ordered.ThenByDescending(t => t.Id) : ordered.ThenBy(t => t.Id);
    }

    private static IOrderedQueryable<FeedbackTicket> By<TKey>(IQueryable<FeedbackTicket> tickets,
        System.Linq.Expressions.Expression<Func<FeedbackTicket, TKey>> key, bool descending) =>
        descending ? tickets.OrderByDescending(key) : tickets.OrderBy(key);

}
