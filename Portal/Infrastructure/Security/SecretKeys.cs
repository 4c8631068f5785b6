using System.Collections.Concurrent;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Named 256-bit secrets, created on first use and then the same on every node and after every restart. They key the
/// audit hash chain, the signed links of the public pages and the hashing of user ids. Kept by
/// <see cref="ISecretKeySource"/> (the database, wrapped with the data-protection certificate when one is configured);
/// read once per process and name. Declare each name with <see cref="SecretKeyRegistration.AddSecretKey"/>.
/// </summary>
public sealed class SecretKeys(ISecretKeySource source)
{
    public const int KeyBytes = 32;
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public byte[] Get(string name) => keys.GetOrAdd(name, source.LoadOrCreate);
}
