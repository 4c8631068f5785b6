namespace Portal.Data.Entities;

/// <summary>
/// A lease that one node of a deployment holds at a time (today one: <c>trainer</c>). The holder renews
/// <see cref="ExpiresAt"/> every few seconds; another node takes it over once it has expired. <see cref="Version"/> goes
/// up at every change of holder: the fencing token a holder's writes are checked against, so a node that lost the lease
/// cannot write after it.
/// </summary>
public sealed class LeaderLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public long Version { get; set; }
    public DateTimeOffset AcquiredAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
