namespace Portal.Infrastructure.Cluster;

/// <summary>
/// One uninterrupted time this node holds a lease. <see cref="Version"/> is the fencing token every write made under the
/// lease is checked against (<see cref="LeaseTable.FenceAsync"/>); <see cref="Lost"/> is cancelled the moment the node
/// knows or must assume it lost the lease.
/// </summary>
public sealed class LeaseTerm(string holder, long version, CancellationTokenSource lost)
{
    public string Holder { get; } = holder;
    public long Version { get; } = version;
    public CancellationToken Lost { get; } = lost.Token;
    internal CancellationTokenSource Source { get; } = lost;
}
