using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.CommunityReview.Links;
using Portal.Features.CommunityReview.Sampling;

namespace Portal.Features.CommunityReview.Public;

/// <summary>
/// Opens a reviewer's link: checks its signature, its expiry (the link's, the invitation's and the panel's), its stored
/// hash and whether it was revoked, and reads the reviewer's progress. Each answer is read fresh, so a revocation or an
/// expiry holds from the next request on, also for a form already open.
/// </summary>
public sealed class ReviewerAccess(IDbContextFactory<PortalDbContext> dbFactory, ReviewLinkTokens tokens, TimeProvider clock)
{
    public async Task<ReviewerSession> OpenAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } claim) return new ReviewerSession(LinkState.Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = ReviewLinkTokens.Hash(token!);
        var found = await db.ReviewInvitations.AsNoTracking()
            .Where(i => i.Id == claim.InvitationId && i.TokenHash == hash)
            .Join(db.ReviewPanels, i => i.PanelId, p => p.Id, (i, p) => new { i.Id, i.PanelId, i.ExpiresAt, i.RevokedAt, p.Name, PanelExpiresAt = p.ExpiresAt })
            .SingleOrDefaultAsync(ct);
        if (found is null) return new ReviewerSession(LinkState.Unknown);
        if (found.RevokedAt is not null) return new ReviewerSession(LinkState.Revoked);
        var now = clock.GetUtcNow();
        if (claim.ExpiresAt <= now || found.ExpiresAt <= now || found.PanelExpiresAt <= now) return new ReviewerSession(LinkState.Expired);

        var items = await db.ReviewPanelItems.AsNoTracking().Where(i => i.PanelId == found.PanelId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync(ct);
        var judged = await db.ReviewJudgements.AsNoTracking().Where(j => j.InvitationId == found.Id).ToDictionaryAsync(j => j.ItemId, j => j.Verdict, ct);
        return new ReviewerSession(LinkState.Open, found.Id, found.PanelId, found.Name, items, judged);
    }

    /// <summary>What the reviewer sees of one item of their panel; null when the item is not the panel's.</summary>
    public async Task<ReviewItem?> ItemAsync(ReviewerSession session, long itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.ReviewPanelItems.AsNoTracking().Where(i => i.Id == itemId && i.PanelId == session.PanelId).Select(i => i.ItemJson).SingleOrDefaultAsync(ct);
        return json is null ? null : ItemAnonymizer.Deserialize(json);
    }
}
