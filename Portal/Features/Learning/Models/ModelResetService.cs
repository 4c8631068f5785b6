using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;

namespace Portal.Features.Learning.Models;

/// <summary>
/// The only ways a loop's learning is thrown away: an explicit reset (policy <see cref="PortalPolicies.ManageLoops"/>, or
/// the loop's own key), whose new empty model starts after the last logged decision, so nothing logged before it is
/// learned again; and a rollback to a snapshot (<see cref="PortalPolicies.Oversee"/>), after which the trainer re-learns
/// the log from the snapshot on. The new model is stored in the audit entry's transaction, and only then does Rank see
/// it. Any node may do it: the stored model gets a new generation, so the trainer (wherever it runs) cannot save its
/// older model over it and loads the new one (<see cref="ModelFollower"/>); the other nodes load it within a poll.
/// </summary>
public sealed class ModelResetService(
    ModelRegistry models,
    ModelStore store,
    ModelSnapshots snapshots,
    IDbContextFactory<PortalDbContext> dbFactory,
    ServingChanges changes,
    ActorAuthorization authorization,
    TrainerLease lease,
    TimeProvider clock)
{
    public async Task ResetAsync(string loopId, LearnerPolicy policy, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        await UnderGateAsync(loopId, policy, learner => ReplaceAsync(learner, async db =>
        {
            var lastSeq = await LastSeqAsync(db, loopId, learner, ct);
            var record = new AuditRecord("loop.model.reset", "loop", loopId, loopId,
                Before: AuditRecord.Json(new { examplesLearned = learner.Learner.ExamplesLearned }));
            return (new ModelStore.Stored(new OnlineLearner(policy), lastSeq), record);
        }, actor, ct), ct);
    }

    /// <summary>
    /// Rolls learning back to a snapshot (null: to an empty model at the start of the log). The trainer then re-learns
    /// every logged decision after it, skipping quarantined ones; Rank serves the snapshot meanwhile. False when the
    /// snapshot is unknown.
    /// </summary>
    public async Task<bool> RollBackAsync(string loopId, LearnerPolicy policy, string? snapshotId, string reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee, loopId);
        var target = snapshotId is null ? new ModelStore.Stored(new OnlineLearner(policy), 0) : await snapshots.LoadAsync(loopId, snapshotId, ct);
        if (target is null) return false;
        await UnderGateAsync(loopId, policy, learner => RollBackUnderGateAsync(learner, target, snapshotId, reason, actor, ct), ct);
        return true;
    }

    /// <summary>
    /// Makes the model forget every decision from <paramref name="firstSeq"/> on, if it has learned any: back to the
    /// newest snapshot from before it (or an empty model), to be re-learned without what is quarantined. Decided under
    /// the trainer's gate, so a training pass cannot slip in between. Returns what it rolled back to, or null. A node that
    /// does not train cannot know what the trainer learned since its last save, so there the rollback is always made.
    /// </summary>
    public async Task<string?> ForgetFromAsync(string loopId, LearnerPolicy policy, long firstSeq, string reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee, loopId);
        string? rolledBackTo = null;
        await UnderGateAsync(loopId, policy, async learner =>
        {
            if (lease.IsHeld && learner.LastTrainedSeq < firstSeq) return;
            var snapshot = await snapshots.LatestUpToAsync(loopId, firstSeq - 1, ct);
            var target = (snapshot is null ? null : await snapshots.LoadAsync(loopId, snapshot.Id, ct)) ?? new ModelStore.Stored(new OnlineLearner(policy), 0);
            var id = snapshot is null ? null : snapshot.Id;
            await RollBackUnderGateAsync(learner, target, id, reason, actor, ct);
            rolledBackTo = id ?? EmptyModel;
        }, ct);
        return rolledBackTo;
    }

    /// <summary>What a rollback to no snapshot is called: the log is then re-learned from its start.</summary>
    public const string EmptyModel = "empty model";

    private Task RollBackUnderGateAsync(LoopLearner learner, ModelStore.Stored target, string? snapshotId, string reason, Actor actor, CancellationToken ct) =>
        ReplaceAsync(learner, _ => Task.FromResult((target, new AuditRecord("loop.model.rollback", "loop", learner.LoopId, learner.LoopId,
            Before: AuditRecord.Json(new { examplesLearned = learner.Learner.ExamplesLearned, lastTrainedDecision = learner.LastTrainedSeq }),
            After: AuditRecord.Json(new { snapshot = snapshotId ?? EmptyModel, examplesLearned = target.Learner.ExamplesLearned, lastTrainedDecision = target.LastTrainedSeq }),
            Reason: reason))), actor, ct);

    /// <summary>
    /// Replaces the loop's model (under its gate): the new model is stored in the audit entry's transaction, and Rank sees
    /// it only after the entry committed. If the entry does not commit, nothing changed.
    /// </summary>
    private async Task ReplaceAsync(LoopLearner learner, Func<PortalDbContext, Task<(ModelStore.Stored Model, AuditRecord Record)>> prepare,
        Actor actor, CancellationToken ct)
    {
        ModelStore.Stored? replacement = null;
        BanditModel? published = null;
        ModelStore.Saved row = default;
        await changes.ApplyAsync(actor, async db =>
        {
            var (model, record) = await prepare(db);
            // Numbered before it is stored, so every node that loads it serves it under the same version.
            published = model.Learner.Snapshot();
            row = await store.ReplaceAsync(db, learner.LoopId, model.Learner, model.LastTrainedSeq, ct);
            replacement = model;
            return AuditedChange<bool>.Made(true, record);
        }, _ =>
        {
            Publish(learner, replacement!, published!, row);
            return Task.CompletedTask;
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
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var lastSeq = await LastSeqAsync(db, loopId, learner, ct);
            var fresh = new ModelStore.Stored(new OnlineLearner(policy), lastSeq);
            var published = fresh.Learner.Snapshot();
            var row = await store.ReplaceAsync(db, loopId, fresh.Learner, lastSeq, ct);
            await transaction.CommitAsync(ct);
            Publish(learner, fresh, published, row);
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

    private void Publish(LoopLearner learner, ModelStore.Stored replacement, BanditModel published, ModelStore.Saved row)
    {
        learner.Learner = replacement.Learner;
        learner.LastTrainedSeq = replacement.LastTrainedSeq;
        learner.StoredVersion = row.Version;
        learner.Generation = row.Generation;
        learner.HasUnsavedChanges = false;
        learner.LastSavedAt = clock.GetUtcNow();
        learner.Slot.Publish(published);
    }
}
