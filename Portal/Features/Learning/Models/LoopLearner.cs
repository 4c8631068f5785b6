namespace Portal.Features.Learning.Models;

/// <summary>
/// A loop's mutable learner and its training position. Only the trainer, the explicit reset and the loading of a newer
/// stored model touch it, always under <see cref="Gate"/>; Rank only ever sees <see cref="Slot"/>.
/// </summary>
public sealed class LoopLearner(string loopId, OnlineLearner learner, long lastTrainedSeq)
{
    public string LoopId { get; } = loopId;
    public OnlineLearner Learner { get; set; } = learner;
    public long LastTrainedSeq { get; set; } = lastTrainedSeq;
    public ModelSlot Slot { get; } = new(learner.Snapshot());
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public bool HasUnsavedChanges { get; set; }
    public DateTimeOffset LastSavedAt { get; set; }

    /// <summary>The stored model's row this learner is (or descends from): its save counter and its generation (see <see cref="ModelStore"/>).</summary>
    public long StoredVersion { get; set; }
    public long Generation { get; set; }

    /// <summary>When the trainer last kept a snapshot of this learner, and at how many examples.</summary>
    public DateTimeOffset LastSnapshotAt { get; set; }
    public long LastSnapshotExamples { get; set; } = -1;
}
