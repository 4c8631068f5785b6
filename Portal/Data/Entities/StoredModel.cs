namespace Portal.Data.Entities;

/// <summary>
/// A loop's current model as the trainer saved it, with the last decision it learned from, so every node serves it and a
/// new trainer resumes from it. <see cref="Version"/> goes up at every save (nodes poll it); <see cref="Generation"/> goes
/// up only when the model is replaced by a reset or a rollback, so a trainer still holding the older model cannot save
/// over the replacement.
/// </summary>
public sealed class StoredModel
{
    public required string LoopId { get; set; }
    public long Version { get; set; }
    public long Generation { get; set; }
    public long LastTrainedSeq { get; set; }
    public long ExamplesLearned { get; set; }

    /// <summary>The learner's own model version at the save: what Rank answers as <c>modelVersion</c>.</summary>
    public long ModelVersion { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The node that saved it.</summary>
    public required string SavedBy { get; set; }

    /// <summary>The learner in Portal's model file format.</summary>
    public required byte[] Data { get; set; }
}
