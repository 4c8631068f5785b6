using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Loops;

namespace Portal.Features.Training;

/// <summary>
/// Joins each decision with its reward once the loop's reward wait time has passed and learns from it, in commit
/// order, then publishes the new model snapshot. Rank never waits for it. Progress (the last learned decision) is
/// saved with the model, so a restart neither loses nor repeats training.
/// </summary>
public sealed class DecisionTrainer(
    LoopDirectory loops,
    ModelRegistry models,
    ModelStore store,
    ModelSnapshots snapshots,
    TrainingExampleLearner exampleLearner,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<DecisionTrainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var loop in loops.All) await TrainLoopAsync(loop, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            SaveAll(force: true);
        }
    }

    /// <summary>One training pass over a loop; public so tests and the portal's "train now" can drive it.</summary>
    public async Task<int> TrainLoopAsync(LoopRuntime loop, CancellationToken ct)
    {
        var learner = models.GetOrLoad(loop.Id, loop.Policy);
        await learner.Gate.WaitAsync(ct);
        try
        {
            var learned = await LearnDueDecisionsAsync(loop, learner, ct);
            if (learned > 0) learner.Slot.Publish(learner.Learner.Snapshot());
            SaveIfDue(learner, force: false);
            KeepSnapshotIfDue(learner);
            return learned;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Training loop {Loop} failed; it will be retried", loop.Id);
            return 0;
        }
        finally
        {
            learner.Gate.Release();
        }
    }

    private async Task<int> LearnDueDecisionsAsync(LoopRuntime loop, LoopLearner learner, CancellationToken ct)
    {
        var dueBefore = clock.GetUtcNow() - loop.Settings.RewardWaitTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarantined = await db.Quarantines.AsNoTracking().Where(q => q.LoopId == loop.Id).Select(q => new QuarantineWindow(q.From, q.To, q.Source)).ToListAsync(ct);
        var batch = await TrainingBatch.ReadAsync(db, loop.Id, learner.LastTrainedSeq, options.Value.MaxBatchSize, ct);

        var learned = 0;
        var auditOnly = LearnerFeatureRecord.Fingerprint(loop.AuditOnlyFeatures);
        batch = await WithRequestsWhereHashesDoNotFitAsync(db, batch, auditOnly, ct);
        var features = new LearnerFeatureReader();
        foreach (var example in batch)
        {
            // Commit order is creation order, give or take milliseconds: stop at the first one still waiting.
            if (example.CreatedAt > dueBefore) break;
            var marked = quarantined.Count == 0 ? example : example with { Quarantined = QuarantineWindow.Covers(quarantined, example.CreatedAt, example.RewardSource) };
            if (exampleLearner.Learn(learner.Learner, marked, loop.Settings.DefaultReward, loop.AuditOnlyFeatures, auditOnly, features)) learned++;
            learner.LastTrainedSeq = example.Seq;
            learner.HasUnsavedChanges = true;
        }
        return learned;
    }

    /// <summary>
    /// The request text of decisions whose hashed features cannot be used (the loop's audit-only features changed since,
    /// or a damaged record): those are learned by parsing the request, as before the hashes existed.
    /// </summary>
    private static async Task<List<TrainingExample>> WithRequestsWhereHashesDoNotFitAsync(PortalDbContext db, List<TrainingExample> batch, uint auditOnly,
        CancellationToken ct)
    {
        var missing = batch.Where(e => e.LearnerFeatures is not null && !LearnerFeatureRecord.IsUsable(e.LearnerFeatures, auditOnly)).Select(e => e.Seq).ToList();
        if (missing.Count == 0) return batch;
        var requests = await db.Decisions.AsNoTracking().Where(d => missing.Contains(d.Seq))
            .Select(d => new { d.Seq, d.RequestJson }).ToDictionaryAsync(d => d.Seq, d => d.RequestJson, ct);
        return batch.Select(e => requests.TryGetValue(e.Seq, out var json) ? e with { RequestJson = json } : e).ToList();
    }

    private void KeepSnapshotIfDue(LoopLearner learner)
    {
        var now = clock.GetUtcNow();
        var examples = learner.Learner.ExamplesLearned;
        // An empty model needs no snapshot: rolling back to nothing is a rollback to the start of the log.
        if (examples == 0 || examples == learner.LastSnapshotExamples || now - learner.LastSnapshotAt < options.Value.SnapshotInterval) return;
        snapshots.Take(learner.LoopId, learner.Learner, learner.LastTrainedSeq, now, options.Value.SnapshotsKept);
        learner.LastSnapshotAt = now;
        learner.LastSnapshotExamples = examples;
    }

    private void SaveAll(bool force)
    {
        foreach (var learner in models.All) SaveIfDue(learner, force);
    }

    private void SaveIfDue(LoopLearner learner, bool force)
    {
        var now = clock.GetUtcNow();
        if (!learner.HasUnsavedChanges || (!force && now - learner.LastSavedAt < options.Value.SaveInterval)) return;
        store.Save(learner.LoopId, learner.Learner, learner.LastTrainedSeq);
        learner.HasUnsavedChanges = false;
        learner.LastSavedAt = now;
    }
}
