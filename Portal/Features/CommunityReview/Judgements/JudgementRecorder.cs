using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.CommunityReview.Public;

namespace Portal.Features.CommunityReview.Judgements;

/// <summary>
/// Stores a reviewer's judgement of one item (judging it again replaces the earlier one), after checking the link once
/// more: an expired or revoked link stores nothing. Unfair and harmful judgements, and any the reviewer asks for, open a
/// feedback ticket about the decision (<see cref="PanelTickets"/>), once per judgement.
/// </summary>
public sealed class JudgementRecorder(IDbContextFactory<PortalDbContext> dbFactory, ReviewerAccess access, PanelTickets tickets, TimeProvider clock)
{
    public static bool OpensTicket(ReviewVerdict verdict, bool asked) => asked || verdict is ReviewVerdict.Unfair or ReviewVerdict.Harmful;

    public async Task<JudgementOutcome> RecordAsync(JudgementInput input, CancellationToken ct)
    {
        var session = await access.OpenAsync(input.Token, ct);
        if (session.State != LinkState.Open || !session.Items.Contains(input.ItemId)) return new JudgementOutcome(session.State, Stored: false);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > ReviewJudgementConfiguration.NoteMaxLength }) throw new ArgumentException("The note has more than 1,000 characters.", nameof(input));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var judgement = await db.ReviewJudgements.SingleOrDefaultAsync(j => j.InvitationId == session.InvitationId && j.ItemId == input.ItemId, ct);
        if (judgement is null)
        {
            judgement = new ReviewJudgement { PanelId = session.PanelId, ItemId = input.ItemId, InvitationId = session.InvitationId };
            db.ReviewJudgements.Add(judgement);
        }
        judgement.Verdict = input.Verdict;
        judgement.Note = note;
        judgement.JudgedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);

        if (judgement.TicketReference is null && OpensTicket(input.Verdict, input.AskForTicket))
        {
            judgement.TicketReference = await tickets.OpenAsync(session, input.ItemId, input.Verdict, note, input.Source, ct);
            await db.SaveChangesAsync(ct);
        }
        return new JudgementOutcome(LinkState.Open, Stored: true, judgement.TicketReference);
    }
}
