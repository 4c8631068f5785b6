using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.CommunityReview.Links;
using Portal.Features.CommunityReview.Sampling;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;

namespace Portal.Features.CommunityReview.Panels;

/// <summary>
/// Creates panels (the sample is drawn and stored with the panel, so every reviewer judges the same items), invites
/// reviewers, revokes their links and deletes panels. Each needs <see cref="PortalPolicies.ManageReviewPanels"/> and is audited in the
/// same transaction; bad input stores nothing.
/// </summary>
public sealed class PanelService(IDbContextFactory<PortalDbContext> dbFactory, PanelSampler sampler, SegmentCatalog segments,
    ReviewLinkTokens tokens, AuditTrail audit, ActorAuthorization authorization, TimeProvider clock)
{
    public const string CreatedAction = "review.panel.create";
    public const string InvitedAction = "review.panel.invite";
    public const string RevokedAction = "review.panel.revoke";
    public const string DeletedAction = "review.panel.delete";

    public async Task<PanelCreation> CreateAsync(PanelForm form, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageReviewPanels);
        if (form.FirstError is { } problem) return PanelCreation.Refused(problem);
        var loopId = form.LoopId!;
        var strata = form.StrataBy == Strata.SavedSegments
            ? Strata.BySegments(segments.For(loopId).Where(s => form.SegmentIds.Contains(s.Id)).ToList())
            : Strata.ByFeature(form.StrataBy!.Trim());
        var now = clock.GetUtcNow();
        var from = now - TimeSpan.FromDays(form.DaysBack);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var sample = await sampler.SampleAsync(loopId, from, now, strata, form.PerSegment, seed, ct);
        if (sample.Count == 0)
            return PanelCreation.Refused($"No decisions of this loop in the last {form.DaysBack} days fall in the chosen segments (opted-out decisions are never sampled).");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var panel = new ReviewPanel
        {
            LoopId = loopId, Name = form.Name.Trim(), WindowFrom = from, WindowTo = now, StrataBy = strata.By,
            SegmentIdsJson = form.StrataBy == Strata.SavedSegments ? JsonSerializer.Serialize(form.SegmentIds.Order()) : null,
            PerSegment = form.PerSegment, Seed = seed, ExpiresAt = now + TimeSpan.FromDays(form.ExpiresInDays), CreatedAt = now, CreatedByName = actor.Name,
        };
        db.ReviewPanels.Add(panel);
        await db.SaveChangesAsync(ct);
        db.ReviewPanelItems.AddRange(sample.Select(s => new ReviewPanelItem
        {
            PanelId = panel.Id, Position = s.Drawn.Position, Segment = s.Drawn.Segment, LoopId = loopId, EventId = s.EventId,
            ItemJson = ItemAnonymizer.Serialize(s.Item),
        }));
        await audit.AppendAsync(db, actor, new AuditRecord(CreatedAction, "reviewPanel", panel.Id.ToString(), loopId, After: AuditRecord.Json(new
        {
            name = panel.Name, windowFrom = from, windowTo = now, strataBy = panel.StrataBy, segmentIds = form.SegmentIds, perSegment = panel.PerSegment,
            seed, items = sample.Count, segments = sample.Select(s => s.Drawn.Segment).Distinct().Count(), expiresAt = panel.ExpiresAt,
        })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PanelCreation(panel.Id, null);
    }

    /// <summary>A new link for one reviewer, valid until the panel expires; null when the panel is unknown or has expired.</summary>
    public async Task<(Invitation? Invitation, string? Problem)> InviteAsync(long panelId, string label, Func<string, string> linkOf, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageReviewPanels);
        label = label.Trim();
        if (label.Length is 0 or > ReviewInvitationConfiguration.LabelMaxLength)
            return (null, $"Name the reviewer for yourself (1 to {ReviewInvitationConfiguration.LabelMaxLength} characters); reviewers never see it.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var panel = await db.ReviewPanels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct);
        var now = clock.GetUtcNow();
        if (panel is null) return (null, "There is no such panel.");
        if (panel.ExpiresAt <= now) return (null, "The panel has expired: it takes no more reviewers.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = new ReviewInvitation { PanelId = panelId, Label = label, TokenHash = "", CreatedAt = now, CreatedByName = actor.Name, ExpiresAt = panel.ExpiresAt };
        db.ReviewInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        var token = tokens.Create(invitation.Id, invitation.ExpiresAt);
        invitation.TokenHash = ReviewLinkTokens.Hash(token);
        await audit.AppendAsync(db, actor, new AuditRecord(InvitedAction, "reviewInvitation", invitation.Id.ToString(), panel.LoopId,
            After: AuditRecord.Json(new { panel = panelId, label, expiresAt = invitation.ExpiresAt })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (new Invitation(invitation.Id, label, linkOf(token), invitation.ExpiresAt), null);
    }

    /// <summary>Stops a reviewer's link at once; false when it is unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(long invitationId, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageReviewPanels);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.ReviewInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null || invitation.RevokedAt is not null) return false;
        var loopId = await db.ReviewPanels.Where(p => p.Id == invitation.PanelId).Select(p => p.LoopId).SingleAsync(ct);
        invitation.RevokedAt = clock.GetUtcNow();
        invitation.RevokedByName = actor.Name;
        await audit.AppendAsync(db, actor, new AuditRecord(RevokedAction, "reviewInvitation", invitationId.ToString(), loopId,
            Before: AuditRecord.Json(new { panel = invitation.PanelId, label = invitation.Label, revoked = false }),
            After: AuditRecord.Json(new { panel = invitation.PanelId, label = invitation.Label, revoked = true })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Deletes the panel with its items, reviewers' links and judgements; tickets its judgements opened stay (they are
    /// feedback in their own right). False when there is no such panel.
    /// </summary>
    public async Task<bool> DeleteAsync(long panelId, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageReviewPanels);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var panel = await db.ReviewPanels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct);
        if (panel is null) return false;
        var tickets = await db.ReviewJudgements.Where(j => j.PanelId == panelId && j.TicketReference != null).Select(j => j.TicketReference!).ToListAsync(ct);
        var judgements = await db.ReviewJudgements.Where(j => j.PanelId == panelId).ExecuteDeleteAsync(ct);
        var invitations = await db.ReviewInvitations.Where(i => i.PanelId == panelId).ExecuteDeleteAsync(ct);
        var items = await db.ReviewPanelItems.Where(i => i.PanelId == panelId).ExecuteDeleteAsync(ct);
        await db.ReviewPanels.Where(p => p.Id == panelId).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord(DeletedAction, "reviewPanel", panelId.ToString(), panel.LoopId,
            Before: AuditRecord.Json(new { name = panel.Name, windowFrom = panel.WindowFrom, windowTo = panel.WindowTo, items, invitations, judgements, ticketsKept = tickets }),
            After: null), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
