using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>
/// For the bias page: how many "unfair or biased" tickets a loop received, grouped by the value of one context
/// feature of the decision each ticket is about (<c>user.ageBand</c> → {"65+": 4, "25-34": 1}). Tickets merged into
/// another count once, through the ticket they were merged into; tickets without a linked decision, or whose decision
/// lacks the feature, are not counted.
/// </summary>
public sealed class FeedbackSegmentCounts(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<string, int>> UnfairBySegmentAsync(string loopId, string featurePath, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshots = db.FeedbackTickets.AsNoTracking()
            .Where(t => t.LoopId == loopId && t.Category == FeedbackCategory.UnfairOrBiased
                        && t.Status != TicketStatus.Duplicate && t.DecisionJson != null)
            .Select(t => t.DecisionJson!)
            .AsAsyncEnumerable();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var json in snapshots.WithCancellation(ct))
        {
            if (DecisionSnapshot.Read(json) is not { } decision) continue;
            if (ContextFeaturePath.ValueOf(decision.ContextFeatures, featurePath) is not { } value) continue;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }
}
