using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// Turns a feedback post into a ticket: links and snapshots the decision when the signed link is valid (silently
/// unlinked otherwise), suggests the priority, sets the due time, and collapses the same text from the same source
/// within the repeat window into the existing ticket. Check and insert run in one write transaction, so two identical
/// posts at the same moment make one ticket with a count of two, never two tickets.
/// </summary>
public sealed class TicketIntake(
    IDbContextFactory<PortalDbContext> dbFactory,
    DecisionSnapshots snapshots,
    SourceFingerprint fingerprint,
    IOptionsMonitor<FeedbackOptions> options,
    IOptionsMonitor<SlaOptions> sla,
    FeedbackCounters counters,
    TimeProvider clock)
{
    public async Task<SubmissionReceipt> SubmitAsync(FeedbackSubmission submission, CancellationToken ct)
    {
        var message = MessageText.Clean(submission.Message);
        if (message.Length is 0 or > FeedbackTicketConfiguration.MessageMaxLength)
            throw new ArgumentException("The message must have 1 to 4000 characters.", nameof(submission));
        var source = fingerprint.Of(submission.Source);
        var textHash = MessageText.Hash(message);
        var decision = await snapshots.FromLinkAsync(submission.DecisionToken, ct);
        var token = StatusLinkToken.New();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is held from the repeat check to the commit.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var since = now - options.CurrentValue.RepeatWindow;
        var ticket = await db.FeedbackTickets
            .Where(t => t.SourceHash == source && t.TextHash == textHash && t.LastSubmittedAt >= since)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);
        var repeated = ticket is not null;
        if (ticket is not null)
        {
            ticket.SubmissionCount++;
            ticket.LastSubmittedAt = now;
            ticket.UpdatedAt = now;
        }
        else
        {
            ticket = await NewTicketAsync(db, submission, message, source, textHash, decision, now, ct);
            db.FeedbackTickets.Add(ticket);
            await db.SaveChangesAsync(ct);
        }
        db.TicketStatusLinks.Add(new TicketStatusLink { TokenHash = StatusLinkToken.Hash(token), TicketId = ticket.Id, CreatedAt = now });
        db.TicketHistory.Add(new TicketHistoryEntry
        {
            TicketId = ticket.Id, At = now, ActorName = TicketActor.EndUser.Name,
            Change = repeated ? TicketChange.SubmittedAgain : TicketChange.Submitted,
            Detail = repeated
                ? $"The same text arrived again from the same source ({ticket.SubmissionCount} times in total)."
                : decision is null ? "Submitted." : $"Submitted about decision {decision.EventId} of loop {decision.LoopId}.",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        counters.Signal();
        return new SubmissionReceipt(ticket.Reference, token, repeated);
    }

    /// <summary>What a bot that filled the honeypot is shown: a receipt like any other, for a ticket that does not exist.</summary>
    public static SubmissionReceipt Decoy() => new(TicketReference.New(), StatusLinkToken.New(), Repeated: false);

    private async Task<FeedbackTicket> NewTicketAsync(PortalDbContext db, FeedbackSubmission submission, string message,
        string source, string textHash, DecisionSnapshot? decision, DateTimeOffset now, CancellationToken ct)
    {
        var priority = PrioritySuggestion.For(submission.Category);
        var email = string.IsNullOrWhiteSpace(submission.ContactEmail) ? null : submission.ContactEmail.Trim();
        return new FeedbackTicket
        {
            Reference = await UnusedReferenceAsync(db, ct),
            CreatedAt = now,
            LastSubmittedAt = now,
            UpdatedAt = now,
            Category = submission.Category,
            Message = message,
            ContactEmail = submission.ConsentToContact ? email : null,
            ConsentToContact = submission.ConsentToContact && email is not null,
            SourceHash = source,
            TextHash = textHash,
            LoopId = decision?.LoopId,
            EventId = decision?.EventId,
            DecisionJson = decision?.Serialize(),
            Status = TicketStatus.New,
            Priority = priority,
            DueAt = now + sla.CurrentValue.For(priority),
        };
    }

    /// <summary>Inside the write transaction, so the reference cannot be taken between the check and the insert.</summary>
    private static async Task<string> UnusedReferenceAsync(PortalDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var reference = TicketReference.New();
            if (!await db.FeedbackTickets.AnyAsync(t => t.Reference == reference, ct)) return reference;
        }
    }
}
