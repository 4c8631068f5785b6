using System.Collections.Concurrent;
using System.Security.Cryptography;

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
    private const int MaxKeysPerThread = 32;
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    // Each thread keeps its HMAC per key: a one-shot HMAC sets its key up on every call, ≈ 1 µs of Rank's every call.
    [ThreadStatic] private static Dictionary<byte[], IncrementalHash>? macs;

    public byte[] Get(string name) => keys.GetOrAdd(name, source.LoadOrCreate);

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the named key into <paramref name="mac"/> (32 bytes). Allocation-free after a thread's first call per key.</summary>
    public void Mac(string name, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var key = Get(name);
        var perKey = macs ??= new Dictionary<byte[], IncrementalHash>(ReferenceEqualityComparer.Instance);
        if (!perKey.TryGetValue(key, out var hmac))
        {
            // A process has a handful of keys; more means keys of hosts gone by (tests): start over rather than keep them.
            if (perKey.Count >= MaxKeysPerThread) ForgetMacs(perKey);
            perKey[key] = hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
        hmac.AppendData(data);
        hmac.GetHashAndReset(mac);
    }

    private static void ForgetMacs(Dictionary<byte[], IncrementalHash> perKey)
    {
        foreach (var hmac in perKey.Values) hmac.Dispose();
        perKey.Clear();
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the named key, as a new array.</summary>
    public byte[] Mac(string name, ReadOnlySpan<byte> data)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        Mac(name, data, mac);
        return mac;
    }
}
