namespace Portal.Features.Privacy.Requests;

/// <summary>How an erasure ended: what it erased kind by kind (each committed batch counts), and whether it finished.</summary>
public sealed record ErasureResult(IReadOnlyList<HeldCount> Erased, ErasureOutcome Outcome, bool OptOutsKept);

public enum ErasureOutcome
{
    Completed,

    /// <summary>Stopped between two batches; what was committed stays erased, and running it again erases the rest.</summary>
    Cancelled,

    /// <summary>Stopped by an error; as with a cancellation, what was committed stays erased.</summary>
    Failed,
}
