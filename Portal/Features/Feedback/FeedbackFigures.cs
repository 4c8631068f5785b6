using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>A loop's feedback tickets received in a period, by category and by status (the compliance report's section).</summary>
public sealed class FeedbackFigures(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Summary(
        int Total,
        IReadOnlyDictionary<FeedbackCategory, int> ByCategory,
        IReadOnlyDictionary<TicketStatus, int> ByStatus,
        int OpenOverdue);

    public async Task<Summary> ForLoopAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.FeedbackTickets.AsNoTracking().Where(t => t.LoopId == loopId && t.CreatedAt >= from && t.CreatedAt < to);
        var rows = await tickets.GroupBy(t => new { t.Category, t.Status }).Select(g => new { g.Key.Category, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var overdue = await tickets.CountAsync(TicketWorkflow.OverdueAt(now), ct);
        return new Summary(rows.Sum(r => r.Count),
            rows.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            overdue);
    }
}
