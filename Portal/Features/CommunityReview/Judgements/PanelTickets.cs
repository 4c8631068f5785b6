using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.CommunityReview.Public;
using Portal.Features.Feedback.Intake;
using Portal.Infrastructure.Security;

namespace Portal.Features.CommunityReview.Judgements;

/// <summary>
/// Opens a feedback ticket on the triage board for a judgement, through the feedback intake (not its tables): linked to
/// the decision by a short-lived signed decision link, so triage sees the decision as logged; the category follows the
/// verdict (harmful reads as offensive), and the message says which panel and what the reviewer wrote.
/// </summary>
public sealed class PanelTickets(IDbContextFactory<PortalDbContext> dbFactory, TicketIntake intake, DecisionLinkTokens decisionLinks, TimeProvider clock)
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    public static FeedbackCategory CategoryOf(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Unfair => FeedbackCategory.UnfairOrBiased,
        ReviewVerdict.Harmful => FeedbackCategory.Offensive,
        ReviewVerdict.Irrelevant => FeedbackCategory.Irrelevant,
        _ => FeedbackCategory.Other,
    };

    public async Task<string> OpenAsync(ReviewerSession session, long itemId, ReviewVerdict verdict, string? note, IPAddress? source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ReviewPanelItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.LoopId, i.EventId, i.Position }).SingleAsync(ct);
        var message = $"Community review panel “{session.PanelName}”, item {item.Position + 1}: a reviewer judged this suggestion {verdict.ToString().ToLowerInvariant()}."
                      + (note is null ? "" : $"\n\nThe reviewer's note: {note}");
        var link = decisionLinks.Create(item.LoopId, item.EventId, clock.GetUtcNow() + LinkLifetime);
        var receipt = await intake.SubmitAsync(new FeedbackSubmission(CategoryOf(verdict), message, null, false, link, source), ct);
        return receipt.Reference;
    }
}
