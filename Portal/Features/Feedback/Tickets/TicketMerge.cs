using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>
/// Merges a duplicate into the ticket it repeats: the duplicate becomes Duplicate and points at the primary, whose
/// submission count grows by the duplicate's; both histories record it. Policy <see cref="PortalPolicies.TriageFeedback"/>.
/// </summary>
public sealed class TicketMerge(IDbContextFactory<PortalDbContext> dbFactory, ActorAuthorization authorization, FeedbackCounters counters, TimeProvider clock)
{
    public async Task<TriageResult> MergeAsync(long duplicateId, string primaryReference, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.TriageFeedback);
        var reference = TicketReference.Normalize(primaryReference);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var duplicate = await db.FeedbackTickets.FirstOrDefaultAsync(t => t.Id == duplicateId, ct);
        if (duplicate is null) return new TriageResult("No such ticket.");
        var primary = await db.FeedbackTickets.FirstOrDefaultAsync(t => t.Reference == reference, ct);
        if (primary is null) return new TriageResult($"There is no ticket {reference}.");
        if (primary.Id == duplicate.Id) return new TriageResult("A ticket cannot be merged into itself.");
        if (TicketWorkflow.MergeRefusal(duplicate.Reference, duplicate.Status) is { } refusal) return new TriageResult(refusal);
        if (primary.Status == TicketStatus.Duplicate)
            return new TriageResult($"{primary.Reference} is itself a duplicate: merge into the ticket it was merged into.");

        var now = clock.GetUtcNow();
        var from = duplicate.Status;
        duplicate.Status = TicketStatus.Duplicate;
        duplicate.DuplicateOfId = primary.Id;
        duplicate.UpdatedAt = now;
        primary.SubmissionCount += duplicate.SubmissionCount;
        primary.UpdatedAt = now;
        db.TicketHistory.Add(TicketHistoryEntries.Of(duplicate.Id, actor, now, TicketChange.Merged,
            $"Merged into {primary.Reference}; status {TicketLabels.Of(from)} → Duplicate."));
        db.TicketHistory.Add(TicketHistoryEntries.Of(primary.Id, actor, now, TicketChange.Merged,
            $"{duplicate.Reference} merged into this ticket ({primary.SubmissionCount} submissions in total)."));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        counters.RequestRecount();
        return TriageResult.Ok;
    }
}
