namespace Portal.Features.Privacy.Requests;

/// <summary>What asking to run an erasure again, or to cancel it, came to: the page shows the sentence, the API maps the result to a status.</summary>
public sealed record ErasureControl(ErasureControlResult Result, string Message)
{
    public static ErasureControl Done(string message) => new(ErasureControlResult.Done, message);

    public static ErasureControl NotFound(string message) => new(ErasureControlResult.NotFound, message);

    public static ErasureControl Refused(string message) => new(ErasureControlResult.Refused, message);
}

public enum ErasureControlResult
{
    /// <summary>Done, or asked of the node running it.</summary>
    Done,

    /// <summary>No unfinished erasure has that id (it completed, was cancelled, or never was).</summary>
    NotFound,

    /// <summary>Not possible in its state (run again: it is not given up).</summary>
    Refused,
}
