using System.Collections.Concurrent;

namespace Portal.Features.Learning.Models;

/// <summary>Every loop's learner, loaded from its stored model on first use, and replaced when a newer one is stored.</summary>
public sealed class ModelRegistry(ModelStore store, ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, LoopLearner> learners = new(StringComparer.Ordinal);

    public LoopLearner GetOrLoad(string loopId, LearnerPolicy policy) =>
        learners.GetOrAdd(loopId, id => Load(id, policy));

    public LoopLearner? Find(string loopId) => learners.GetValueOrDefault(loopId);

    public IEnumerable<LoopLearner> All => learners.Values;

    /// <summary>
    /// Takes every stored model newer than the one held: all of them (<paramref name="ownLineToo"/>, a node that just became
    /// the trainer), or, on the trainer, only those another node replaced (a reset or rollback: a new generation). Under
    /// each learner's gate, so it never lands in the middle of a training pass. Returns how many were taken.
    /// </summary>
    public async Task<int> RefreshAsync(bool ownLineToo, CancellationToken ct)
    {
        var stored = await store.VersionsAsync(ct);
        var taken = 0;
        foreach (var learner in learners.Values)
        {
            if (!stored.TryGetValue(learner.LoopId, out var row) || !IsNewer(learner, row, ownLineToo)) continue;
            await learner.Gate.WaitAsync(ct);
            try
            {
                if (IsNewer(learner, row, ownLineToo) && TryLoad(learner.LoopId) is { } loaded)
                {
                    Take(learner, loaded);
                    taken++;
                }
            }
            finally
            {
                learner.Gate.Release();
            }
        }
        return taken;
    }

    private static bool IsNewer(LoopLearner learner, (long Version, long Generation) row, bool ownLineToo) =>
        row.Version > learner.StoredVersion && (ownLineToo || row.Generation != learner.Generation);

    private static void Take(LoopLearner learner, ModelStore.Loaded loaded)
    {
        learner.Learner = loaded.Model.Learner;
        learner.LastTrainedSeq = loaded.Model.LastTrainedSeq;
        learner.StoredVersion = loaded.Version;
        learner.Generation = loaded.Generation;
        learner.HasUnsavedChanges = false;
        StepBack(loaded.Model.Learner);
        learner.Slot.Publish(loaded.Model.Learner.Snapshot());
    }

    /// <summary>
    /// A stored learner's version is the one its model was published with; the next snapshot would number it one higher.
    /// Stepping back one lets every node serve the stored model under the trainer's version.
    /// </summary>
    private static void StepBack(OnlineLearner learner) => learner.Restore(learner.ExamplesLearned, Math.Max(0, learner.Version - 1));

    private LoopLearner Load(string loopId, LearnerPolicy policy)
    {
        if (TryLoad(loopId) is { } loaded)
        {
            logger.LogInformation("Loaded model of loop {Loop}: {Examples} examples learned, up to decision {Seq}",
                loopId, loaded.Model.Learner.ExamplesLearned, loaded.Model.LastTrainedSeq);
            StepBack(loaded.Model.Learner);
            return new LoopLearner(loopId, loaded.Model.Learner, loaded.Model.LastTrainedSeq)
            {
                StoredVersion = loaded.Version, Generation = loaded.Generation,
            };
        }
        return new LoopLearner(loopId, new OnlineLearner(policy), lastTrainedSeq: 0);
    }

    private ModelStore.Loaded? TryLoad(string loopId)
    {
        try
        {
            return store.Load(loopId);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            // Never start serving from a damaged model silently; never delete it either: keep it for inspection.
            logger.LogError(error, "The stored model of loop {Loop} could not be read; keeping the model held", loopId);
            return null;
        }
    }
}
