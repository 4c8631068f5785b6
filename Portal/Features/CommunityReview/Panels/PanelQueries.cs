using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.CommunityReview.Panels;

/// <summary>The panels list and a panel's invitations with each reviewer's progress.</summary>
public sealed class PanelQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Newest first; one loop's when <paramref name="loopId"/> is given.</summary>
    public async Task<IReadOnlyList<PanelSummary>> PanelsAsync(CancellationToken ct, string? loopId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var panels = db.ReviewPanels.AsNoTracking();
        if (loopId is not null) panels = panels.Where(p => p.LoopId == loopId);
        return await Summaries(db, panels.OrderByDescending(p => p.CreatedAt)).ToListAsync(ct);
    }

    public async Task<PanelSummary?> PanelAsync(long panelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db, db.ReviewPanels.AsNoTracking().Where(p => p.Id == panelId)).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<PanelSummary> Summaries(PortalDbContext db, IQueryable<Data.Entities.ReviewPanel> panels) =>
        panels.Select(p => new PanelSummary(p.Id, p.LoopId, p.Name, p.CreatedAt, p.CreatedByName, p.ExpiresAt,
            db.ReviewPanelItems.Count(i => i.PanelId == p.Id),
            db.ReviewInvitations.Count(i => i.PanelId == p.Id),
            db.ReviewJudgements.Count(j => j.PanelId == p.Id)));

    public async Task<IReadOnlyList<InvitationView>> InvitationsAsync(long panelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReviewInvitations.AsNoTracking().Where(i => i.PanelId == panelId).OrderBy(i => i.Id)
            .Select(i => new InvitationView(i.Id, i.Label, i.CreatedAt, i.CreatedByName, i.ExpiresAt, i.RevokedAt, i.RevokedByName,
                db.ReviewJudgements.Count(j => j.InvitationId == i.Id)))
            .ToListAsync(ct);
    }
}
