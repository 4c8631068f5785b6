namespace Portal.Data.Entities;

/// <summary>An earlier state of a loop's model, kept for rolling back; every node sees the same list.</summary>
public sealed class StoredModelSnapshot
{
    public required string LoopId { get; set; }

    /// <summary>"{taken at, Unix ms}-{last trained decision}-{examples learned}": the id pages and the API use.</summary>
    public required string Id { get; set; }

    public DateTimeOffset TakenAt { get; set; }
    public long LastTrainedSeq { get; set; }
    public long ExamplesLearned { get; set; }
    public required byte[] Data { get; set; }
}
