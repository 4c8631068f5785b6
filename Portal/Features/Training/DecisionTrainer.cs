using System.Diagnostics;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Training;

/// <summary>
/// Joins each decision with its reward once the loop's reward wait time has passed and learns from it, in commit
/// order, then publishes the new model snapshot. Rank never waits for it. Progress (the last learned decision) is
/// saved with the model, so a restart neither loses nor repeats training. Only the node holding the trainer lease trains
/// (<see cref="TrainerLease"/>): it resumes from the stored models when it takes the lease, stops the moment it loses it,
/// and its saves are fenced by the lease, so a node that lost it never writes a model.
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
    TrainerLease lease,
    ILogger<DecisionTrainer> logger) : BackgroundService
{
    private LeaseTerm? trainingUnder;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (lease.Current is not { } term) continue;
                try
                {
                    await TrainAllAsync(term, stoppingToken);
                }
                catch (OperationCanceledException) when (term.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Training stopped: this node lost the trainer lease");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await SaveAllAsync(CancellationToken.None);
        }
    }

    /// <summary>One pass over every loop, cancelled the moment the lease is lost.</summary>
    private async Task TrainAllAsync(LeaseTerm term, CancellationToken stoppingToken)
    {
        using var whileHeld = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term.Lost);
        if (term != trainingUnder)
        {
            // A new term: resume from what the last trainer stored, whichever node it was. Until that is read nothing is
            // learned; a database that fails the read (unreachable, being upgraded) is retried at the next tick instead of
            // ending the trainer, which would stop the whole node.
            try
            {
                await models.RefreshAsync(ownLineToo: true, whileHeld.Token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "The stored models could not be read at the start of this node's training term; retrying");
                return;
            }
            trainingUnder = term;
        }
        foreach (var loop in loops.All) await TrainLoopAsync(loop, whileHeld.Token);
    }

    /// <summary>
    /// One training pass over a loop (none on a node without the lease), batch after batch while decisions are due, for
    /// at most one <see cref="TrainingOptions.Interval"/>: a loop logging more than a batch per interval would otherwise
    /// fall further behind at every pass. Catching up, the trainer pauses after each batch so that learning takes at most
    /// <see cref="TrainingOptions.MaxBusyShare"/> of a core from Rank. Each batch's model is published as it is learned, and the
    /// learner is free between batches (a rollback or reset waits for one batch at most). Public so tests and benchmarks
    /// can drive it.
    /// </summary>
    public async Task<int> TrainLoopAsync(LoopRuntime loop, CancellationToken ct)
    {
        if (!lease.IsHeld) return 0;
        var learner = models.GetOrLoad(loop.Id, loop.Policy);
        // Pacing is about this machine's CPU, so it reads the machine's clock, not the service's.
        var passStarted = Stopwatch.GetTimestamp();
        var learned = 0;
        while (true)
        {
            var batchStarted = Stopwatch.GetTimestamp();
            var batch = await TrainBatchAsync(loop, learner, ct);
            learned += batch.Learned;
            if (!batch.MoreDue || Stopwatch.GetElapsedTime(passStarted) >= options.Value.Interval) return learned;
            await Task.Delay(Stopwatch.GetElapsedTime(batchStarted) * (1 / options.Value.MaxBusyShare - 1), ct);
        }
    }

    /// <summary>One batch under the learner's gate: learned, published, saved and kept as a snapshot when those are due.</summary>
    private async Task<BatchOutcome> TrainBatchAsync(LoopRuntime loop, LoopLearner learner, CancellationToken ct)
    {
        await learner.Gate.WaitAsync(ct);
        try
        {
            var batch = await LearnDueDecisionsAsync(loop, learner, ct);
            if (batch.Learned > 0) learner.Slot.Publish(learner.Learner.Snapshot());
            await SaveIfDueAsync(learner, force: false, ct);
            await KeepSnapshotIfDueAsync(learner, ct);
            return batch;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Training loop {Loop} failed; it will be retried", loop.Id);
            return default;
        }
        finally
        {
            learner.Gate.Release();
        }
    }

    /// <summary>What one batch learned, and whether decisions past it are due already (the batch was full of due ones).</summary>
    private readonly record struct BatchOutcome(int Learned, bool MoreDue);

    private async Task<BatchOutcome> LearnDueDecisionsAsync(LoopRuntime loop, LoopLearner learner, CancellationToken ct)
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
            if (example.CreatedAt > dueBefore) return new BatchOutcome(learned, MoreDue: false);
            var marked = quarantined.Count == 0 ? example : example with { Quarantined = QuarantineWindow.Covers(quarantined, example.CreatedAt, example.RewardSource) };
            if (exampleLearner.Learn(learner.Learner, marked, loop.Settings.DefaultReward, loop.AuditOnlyFeatures, auditOnly, features)) learned++;
            learner.LastTrainedSeq = example.Seq;
            learner.HasUnsavedChanges = true;
        }
        return new BatchOutcome(learned, MoreDue: batch.Count == options.Value.MaxBatchSize);
    }

    /// <summary>
    /// The request text of decisions whose hashed features cannot be used (the loop's audit-only features changed since,
    /// or a damaged record): those are learned by parsing the request, as before the hashes existed.
    /// </summary>
    private static async Task<List<TrainingExample>> WithRequestsWhereHashesDoNotFitAsync(PortalDbContext db, List<TrainingExample> batch, uint auditOnly,
        CancellationToken ct)
    {
        var missing = batch.Where(e => e.LearnerFeatures is not null && !LearnerFeatureRecord.IsUsable(e.LearnerFeatures, e.ListActionSets, auditOnly)).Select(e => e.Seq).ToList();
        if (missing.Count == 0) return batch;
        var rows = await db.Decisions.AsNoTracking().Where(d => missing.Contains(d.Seq))
            .Select(d => new { d.Seq, d.RequestJson, d.ActionListId }).ToListAsync(ct);
        var lists = await StoredActionLists.LoadAsync(db, rows.Select(r => r.ActionListId), ct);
        var requests = rows.ToDictionary(r => r.Seq, r => lists.RequestOf(r.RequestJson, r.ActionListId));
        return batch.Select(e => requests.TryGetValue(e.Seq, out var json) ? e with { RequestJson = json } : e).ToList();
    }

    private async Task KeepSnapshotIfDueAsync(LoopLearner learner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var examples = learner.Learner.ExamplesLearned;
        // An empty model needs no snapshot: rolling back to nothing is a rollback to the start of the log.
        if (examples == 0 || examples == learner.LastSnapshotExamples || now - learner.LastSnapshotAt < options.Value.SnapshotInterval) return;
        if (lease.Current is not { } term
            || !await snapshots.TakeAsync(learner.LoopId, learner.Learner, learner.LastTrainedSeq, now, options.Value.SnapshotsKept, term, ct)) return;
        learner.LastSnapshotAt = now;
        learner.LastSnapshotExamples = examples;
    }

    private async Task SaveAllAsync(CancellationToken ct)
    {
        foreach (var learner in models.All)
        {
            await learner.Gate.WaitAsync(ct);
            try
            {
                await SaveIfDueAsync(learner, force: true, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The model of loop {Loop} could not be saved at shutdown", learner.LoopId);
            }
            finally
            {
                learner.Gate.Release();
            }
        }
    }

    /// <summary>Only under the lease; a save refused because the model was replaced (a reset or rollback) leaves it to be reloaded.</summary>
    private async Task SaveIfDueAsync(LoopLearner learner, bool force, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!learner.HasUnsavedChanges || (!force && now - learner.LastSavedAt < options.Value.SaveInterval)) return;
        if (lease.Current is not { } term) return;
        var (outcome, row) = await store.SaveAsync(learner.LoopId, learner.Learner, learner.LastTrainedSeq, learner.Generation, term, ct);
        if (outcome == ModelStore.SaveOutcome.Saved)
        {
            learner.StoredVersion = row.Version;
            learner.Generation = row.Generation;
        }
        else logger.LogInformation("The model of loop {Loop} was not saved: {Outcome}", learner.LoopId, outcome);
        learner.HasUnsavedChanges = false;
        learner.LastSavedAt = now;
    }
}
