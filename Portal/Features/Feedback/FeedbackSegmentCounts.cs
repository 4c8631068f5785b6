using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback.Board;
using Portal.Features.Segments;

namespace Portal.Features.Feedback;

/// <summary>
/// For the bias page and the compliance report: how many "unfair or biased" tickets a loop received, by the value of
/// one context feature of the decision each ticket is about (<c>user.ageBand</c> → {"65+": 4, "25-34": 1}) or by saved
/// segment. Tickets merged into another count once, through the ticket they were merged into; tickets without a linked
/// decision, or whose decision lacks the feature, are not counted. Indexed queries over the tickets' context values.
/// </summary>
public sealed class FeedbackSegmentCounts(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <param name="from">Tickets received at or after (optional).</param>
    /// <param name="to">Tickets received before (optional).</param>
    public async Task<IReadOnlyDictionary<string, int>> UnfairBySegmentAsync(string loopId, string featurePath, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.TicketContextValues.Where(v => v.Feature == featurePath)
            .Join(Unfair(db, loopId, from, to), v => v.TicketId, t => t.Id, (v, _) => new { v.Text, v.Number })
            .GroupBy(v => new { v.Text, v.Number })
            .Select(g => new { g.Key.Text, g.Key.Number, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.Text ?? g.Number!.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal);
    }

    /// <summary>Unfair/biased tickets whose decision falls in each segment, in the order given.</summary>
    public async Task<IReadOnlyList<int>> UnfairInSegmentsAsync(string loopId, IReadOnlyList<SegmentDefinition> segments, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = new List<int>(segments.Count);
        foreach (var segment in segments) counts.Add(await TicketSegmentFilter.Apply(Unfair(db, loopId, from, to), db, segment).CountAsync(ct));
        return counts;
    }

    /// <summary>All unfair/biased tickets about the loop's decisions in the period (linked or not to a decision).</summary>
    public async Task<int> UnfairTotalAsync(string loopId, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unfair(db, loopId, from, to).CountAsync(ct);
    }

    private static IQueryable<FeedbackTicket> Unfair(PortalDbContext db, string loopId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var tickets = db.FeedbackTickets.AsNoTracking()
            .Where(t => t.LoopId == loopId && t.Category == FeedbackCategory.UnfairOrBiased && t.Status != TicketStatus.Duplicate);
        if (from is { } start) tickets = tickets.Where(t => t.CreatedAt >= start);
        if (to is { } end) tickets = tickets.Where(t => t.CreatedAt < end);
        return tickets;
    }
}
