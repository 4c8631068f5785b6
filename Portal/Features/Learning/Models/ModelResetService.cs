using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Learning.Models;

/// <summary>
/// The only way a loop's learning is thrown away: an explicit reset (policy <see cref="PortalPolicies.ManageLoops"/>, or
/// the loop's own key). The new empty model starts after the last logged decision, so nothing logged before the reset
/// is learned again. Its audit entry commits together with the new model file, and only then does Rank see the model.
/// </summary>
public sealed class ModelResetService(
    ModelRegistry models,
    ModelStore store,
    IDbContextFactory<PortalDbContext> dbFactory,
    ServingChanges changes,
    ActorAuthorization authorization,
    TimeProvider clock)
{
    public async Task ResetAsync(string loopId, LearnerPolicy policy, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        await UnderGateAsync(loopId, policy, async learner =>
        {
            var fresh = new OnlineLearner(policy);
            long lastSeq = 0;
            var written = false;
            try
            {
                await changes.ApplyAsync(actor, async db =>
                {
                    lastSeq = await LastSeqAsync(db, loopId, learner, ct);
                    var record = new AuditRecord("loop.model.reset", "loop", loopId, loopId,
                        Before: AuditRecord.Json(new { examplesLearned = learner.Learner.ExamplesLearned }));
                    store.Save(loopId, fresh, lastSeq);
                    written = true;
                    return AuditedChange<bool>.Made(true, record);
                }, _ =>
                {
                    Publish(learner, fresh, lastSeq);
                    return Task.CompletedTask;
                }, ct);
            }
            catch when (written)
            {
                // The audit entry did not commit: the reset did not happen, so the file gets the model Rank still serves.
                store.Save(loopId, learner.Learner, learner.LastTrainedSeq);
                throw;
            }
        }, ct);
    }

    /// <summary>
    /// Starts an empty model under a new policy: the publishing step of a policy change that was audited by its caller
    /// (it is allowed only while the model has learned nothing).
    /// </summary>
    public Task StartNewModelAsync(string loopId, LearnerPolicy policy, CancellationToken ct) =>
        UnderGateAsync(loopId, policy, async learner =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var lastSeq = await LastSeqAsync(db, loopId, learner, ct);
            var fresh = new OnlineLearner(policy);
            store.Save(loopId, fresh, lastSeq);
            Publish(learner, fresh, lastSeq);
        }, ct);

    /// <summary>How many examples the loop's current model has learned from.</summary>
    public long ExamplesLearned(string loopId) => models.Find(loopId)?.Learner.ExamplesLearned ?? 0;

    /// <summary>The trainer holds the same gate while it learns and saves, so it never writes over a reset.</summary>
    private async Task UnderGateAsync(string loopId, LearnerPolicy policy, Func<LoopLearner, Task> reset, CancellationToken ct)
    {
        var learner = models.GetOrLoad(loopId, policy);
        await learner.Gate.WaitAsync(ct);
        try
        {
            await reset(learner);
        }
        finally
        {
            learner.Gate.Release();
        }
    }

    private static async Task<long> LastSeqAsync(PortalDbContext db, string loopId, LoopLearner learner, CancellationToken ct) =>
        await db.Decisions.Where(d => d.LoopId == loopId).MaxAsync(d => (long?)d.Seq, ct) ?? learner.LastTrainedSeq;

    private void Publish(LoopLearner learner, OnlineLearner fresh, long lastSeq)
    {
        learner.Learner = fresh;
        learner.LastTrainedSeq = lastSeq;
        learner.HasUnsavedChanges = false;
        learner.LastSavedAt = clock.GetUtcNow();
        learner.Slot.Publish(fresh.Snapshot());
    }
}
