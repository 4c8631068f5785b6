namespace Portal.Data.Entities;

/// <summary>
/// One of Portal's named secret keys (audit chain, signed links, user-id hashing), shared by every node. Wrapped with
/// the data-protection certificate when one is configured (<see cref="Wrapped"/>), else stored as it is.
/// </summary>
public sealed class SecretKeyRecord
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
    public bool Wrapped { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
