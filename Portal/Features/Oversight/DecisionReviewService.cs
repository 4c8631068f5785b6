using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Security;

namespace Portal.Features.Oversight;

/// <summary>
/// A person's review of one decision: flagging it as wrong keeps it out of training (if the trainer has not learned
/// from it yet; the outcome says so) and is recorded in the audit log. Any Portal role may flag
/// (<see cref="PortalPolicies.PortalUser"/>).
/// </summary>
public sealed class DecisionReviewService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ModelRegistry models,
    AuditTrail audit,
    ActorAuthorization authorization,
    TimeProvider clock)
{
    public sealed record FlagOutcome(OversightOutcome Outcome, bool AlreadyLearned);

    public async Task<FlagOutcome> FlagAsync(string loopId, string eventId, string? note, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.PortalUser);
        if (AuditTrail.ReasonProblem(note) is { } problem) return new FlagOutcome(OversightOutcome.Invalid(problem.Replace("reason", "note")), false);
        // Holding the trainer's gate: the flag lands either before a training pass reads the decision or after it
        // was learned, and the outcome tells which.
        var learner = models.Find(loopId);
        if (learner is not null) await learner.Gate.WaitAsync(ct);
        try
        {
            return await FlagUnderGateAsync(loopId, eventId, note!, actor, ct);
        }
        finally
        {
            learner?.Gate.Release();
        }
    }

    private async Task<FlagOutcome> FlagUnderGateAsync(string loopId, string eventId, string note, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seq = await db.Decisions.Where(d => d.LoopId == loopId && d.EventId == eventId).Select(d => (long?)d.Seq).FirstOrDefaultAsync(ct);
        if (seq is null) return new FlagOutcome(OversightOutcome.NotFound($"Loop '{loopId}' has no decision '{eventId}'."), false);
        if (await db.DecisionFlags.AnyAsync(f => f.DecisionSeq == seq, ct))
            return new FlagOutcome(OversightOutcome.Conflict("This decision is flagged already."), false);

        var flag = new DecisionFlag
        {
            DecisionSeq = seq.Value, LoopId = loopId, EventId = eventId, Note = note.Trim(),
            FlaggedById = actor.UserId, FlaggedByName = actor.Name, FlaggedAt = clock.GetUtcNow(),
        };
        db.DecisionFlags.Add(flag);
        await audit.AppendAsync(db, actor, new AuditRecord("decision.flag", "decision", $"{loopId}/{eventId}", loopId,
            After: AuditRecord.Json(new { flagged = true }), Reason: flag.Note), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new FlagOutcome(OversightOutcome.Done(flag.Id), models.Find(loopId)?.LastTrainedSeq >= seq);
    }
}
