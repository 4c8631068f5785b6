namespace Portal.Infrastructure.Cluster;

/// <summary>A lease's row as last read: who holds it, its fencing token and until when.</summary>
public sealed record LeaseState(string Holder, long Version, DateTimeOffset ExpiresAt)
{
    public static readonly LeaseState Unknown = new("", 0, DateTimeOffset.MinValue);
}
