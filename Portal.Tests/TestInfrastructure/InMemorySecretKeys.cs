using System.Collections.Concurrent;
using System.Security.Cryptography;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Secret keys of one installation held in memory, for unit tests of what signs with them.</summary>
public sealed class InMemorySecretKeys : ISecretKeySource
{
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public byte[] LoadOrCreate(string name) => keys.GetOrAdd(name, _ => RandomNumberGenerator.GetBytes(SecretKeys.KeyBytes));
}
