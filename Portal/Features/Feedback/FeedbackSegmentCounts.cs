using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>
/// For the bias page: how many "unfair or biased" tickets a loop received, grouped by the value of one context
/// feature of the decision each ticket is about (<c>user.ageBand</c> → {"65+": 4, "25-34": 1}). Tickets merged into
/// another count once, through the ticket they were merged into; tickets without a linked decision, or whose decision
/// lacks the feature, are not counted. One indexed query over the tickets' context values.
/// </summary>
public sealed class FeedbackSegmentCounts(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<string, int>> UnfairBySegmentAsync(string loopId, string featurePath, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.FeedbackTickets.Where(t => t.LoopId == loopId && t.Category == FeedbackCategory.UnfairOrBiased && t.Status != TicketStatus.Duplicate);
        var groups = await db.TicketContextValues.Where(v => v.Feature == featurePath)
            .Join(tickets, v => v.TicketId, t => t.Id, (v, _) => new { v.Text, v.Number })
            .GroupBy(v => new { v.Text, v.Number })
            .Select(g => new { g.Key.Text, g.Key.Number, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.Text ?? g.Number!.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal);
    }
}
