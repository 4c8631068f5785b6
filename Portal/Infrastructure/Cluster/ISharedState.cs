namespace Portal.Infrastructure.Cluster;

/// <summary>
/// In-memory state that Rank or the pages read and that every node must hold alike (the control state, the loop
/// directory, the segments). With Redis configured, a change on any node makes every other node reload it.
/// </summary>
public interface ISharedState
{
    Task ReloadAsync(CancellationToken ct);
}
