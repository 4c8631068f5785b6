namespace Portal.Infrastructure.Cluster;

/// <summary>
/// In-memory state that Rank or the pages read and that every node must hold alike (the control state, the loop
/// directory, the segments, the opt-outs). With Redis configured, a change on any node makes every other node reload it.
/// </summary>
public interface ISharedState
{
    /// <summary>Whose version moving makes this state reload.</summary>
    SharedTopic Topic => SharedTopic.Serving;

    /// <summary>
    /// Brings the state up to date with the database: built anew and swapped in whole (readers never see it half-built),
    /// or, where the topic allows, the changes since the last read added (the opt-outs).
    /// </summary>
    Task ReloadAsync(CancellationToken ct);
}
