using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Results;

/// <summary>
/// A panel's results from its judgements (optionally only those made in a period, as the compliance report counts them,
/// so a report of past days does not change as later judgements arrive), and the results of a loop's panels.
/// </summary>
public sealed class PanelResultsQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<PanelResults?> ForPanelAsync(long panelId, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var panel = await db.ReviewPanels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct);
        return panel is null ? null : await ResultsAsync(db, panel, from, to, ct);
    }

    /// <summary>
    /// The loop's panels with at least one judgement (in the period when given), newest first, at most <paramref name="max"/>;
    /// with <paramref name="sampledIn"/>, only panels whose sample window overlaps it (the bias page's window).
    /// </summary>
    public async Task<IReadOnlyList<PanelResults>> ForLoopAsync(string loopId, int max, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null,
        (DateTimeOffset From, DateTimeOffset To)? sampledIn = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var judged = InPeriod(db.ReviewJudgements, from, to).Select(j => j.PanelId);
        var candidates = db.ReviewPanels.AsNoTracking().Where(p => p.LoopId == loopId && judged.Contains(p.Id));
        if (sampledIn is { } window) candidates = candidates.Where(p => p.WindowFrom < window.To && p.WindowTo > window.From);
        var panels = await candidates.OrderByDescending(p => p.CreatedAt).Take(max).ToListAsync(ct);
        var results = new List<PanelResults>(panels.Count);
        foreach (var panel in panels) results.Add(await ResultsAsync(db, panel, from, to, ct));
        return results;
    }

    private static async Task<PanelResults> ResultsAsync(PortalDbContext db, ReviewPanel panel, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var items = await db.ReviewPanelItems.AsNoTracking().Where(i => i.PanelId == panel.Id).Select(i => new { i.Id, i.Segment }).ToListAsync(ct);
        var segmentOf = items.ToDictionary(i => i.Id, i => i.Segment);
        var rows = await InPeriod(db.ReviewJudgements.AsNoTracking().Where(j => j.PanelId == panel.Id), from, to)
            .Select(j => new { j.ItemId, j.InvitationId, j.Verdict, j.TicketReference }).ToListAsync(ct);
        var judged = rows.Select(r => new JudgementTally.Judged(r.ItemId, segmentOf[r.ItemId], r.InvitationId, r.Verdict)).ToList();
        var segments = items.GroupBy(i => i.Segment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => JudgementTally.Of(g.Key, g.Count(), judged.Where(j => j.Segment == g.Key).ToList())).ToList();
        return new PanelResults(panel.Id, panel.LoopId, panel.Name, panel.WindowFrom, panel.WindowTo, panel.ExpiresAt, panel.StrataBy, items.Count,
            judged.Select(j => j.InvitationId).Distinct().Count(), rows.Count(r => r.TicketReference is not null), segments,
            JudgementTally.Of("All segments", items.Count, judged));
    }

    private static IQueryable<ReviewJudgement> InPeriod(IQueryable<ReviewJudgement> judgements, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start) judgements = judgements.Where(j => j.JudgedAt >= start);
        if (to is { } end) judgements = judgements.Where(j => j.JudgedAt < end);
        return judgements;
    }
}
